package io.newshound.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.newshound.bench.alerts.AlertsFigure;
import io.newshound.bench.crawl.CrawlFigure;
import io.newshound.bench.extraction.ExtractionFigure;
import io.newshound.bench.freshness.FreshnessFigure;
import io.newshound.bench.indexing.IndexingFigure;
import io.newshound.bench.memory.MemoryFigure;
import io.newshound.bench.memory.MemorySampler;
import io.newshound.bench.report.Figure;
import io.newshound.bench.report.JsonReport;
import io.newshound.bench.report.Machine;
import io.newshound.bench.report.MarkdownReport;
import io.newshound.bench.report.Results;
import io.newshound.bench.search.SearchFigure;
import io.newshound.bench.stack.BenchException;
import io.newshound.bench.stack.BenchStack;
import io.newshound.bench.stack.Elasticsearch;
import io.newshound.bench.workload.ArticleProducer;
import io.newshound.bench.workload.IndexedWatcher;
import io.newshound.stack.StackException;

/**
 * {@code ./newshound bench [--quick]}: starts a Kafka broker and an Elasticsearch node of its own, runs the
 * figures in order (the indexer stays up from figure 1 through 2 and 4, figure 3 searches what figure 1 indexed,
 * figure 6 reports what the others did to memory), and writes {@code RESULTS.md} and {@code results.json}.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) {
		Path home = Path.of(System.getenv().getOrDefault("NEWSHOUND_HOME", ".")).toAbsolutePath().normalize();
		BenchOptions options;
		try {
			options = BenchOptions.parse(List.of(args), home);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("newshound bench: " + ex.getMessage());
			System.err.print(BenchOptions.USAGE);
			System.exit(2);
			return;
		}
		try {
			run(options, new Console(System.out));
			System.exit(0);
		}
		catch (BenchException | StackException ex) {
			System.err.println("newshound bench: " + ex.getMessage());
			System.exit(1);
		}
	}

	static void run(BenchOptions options, Console console) {
		Instant date = Instant.now();
		Machine machine = Machine.current();
		console.line("newshound bench: " + (options.quick() ? "quick" : "full") + " run, " + options.corpusSize()
				+ " articles, figures " + options.figures() + " on " + machine.cores() + " cores (load average "
				+ String.format(java.util.Locale.ROOT, "%.2f", machine.loadAverage()) + ")");
		List<Figure> figures = new ArrayList<>();
		Path data = options.home().resolve("bench").resolve("target").resolve("run");
		deleteRecursively(data);
		List<String> jvm = options.profile()
				? List.of("-XX:StartFlightRecording=filename={dir}/{name}.jfr,settings=profile,dumponexit=true")
				: List.of();
		try (BenchStack stack = new BenchStack(options.home(), data, jvm);
				MemorySampler memory = new MemorySampler(Duration.ofSeconds(1))) {
			console.line("starting Kafka and Elasticsearch (local-stack) in " + data);
			stack.start((line) -> console.line("  " + line));
			ArticleProducer.createTopics(stack.kafka());
			try (IndexedWatcher indexed = new IndexedWatcher(stack.kafka())) {
				BenchContext context = new BenchContext(options, stack, new Elasticsearch(stack.elasticsearch()), memory,
						indexed, console);
				boolean indexes = Stream.of(1, 2, 3, 6).anyMatch(options::runs);
				boolean corpusIndexed = false;
				if (indexes) {
					Figure indexing = attempt(console, 1, "Indexing throughput", () -> IndexingFigure.run(context, List.of()));
					corpusIndexed = indexing.measured();
					if (options.runs(1)) {
						figures.add(indexing);
					}
				}
				String noCorpus = "Not run: figure 1 could not index the corpus it needs.";
				if (options.runs(2)) {
					figures.add(corpusIndexed ? attempt(console, 2, FreshnessFigure.TITLE, () -> FreshnessFigure.run(context))
							: Figure.notMeasured(2, FreshnessFigure.TITLE, noCorpus));
				}
				if (options.runs(3)) {
					figures.add(corpusIndexed ? attempt(console, 3, SearchFigure.TITLE, () -> SearchFigure.run(context))
							: Figure.notMeasured(3, SearchFigure.TITLE, noCorpus));
				}
				if (options.runs(4)) {
					figures.add(attempt(console, 4, AlertsFigure.TITLE, () -> AlertsFigure.run(context)));
				}
				if (options.runs(5)) {
					figures.add(attempt(console, 5, "Extraction and crawling", () -> {
						Figure.Builder figure = new Figure.Builder(5, "Extraction and crawling");
						ExtractionFigure.run(context, figure);
						CrawlFigure.run(context, figure);
						return figure.build();
					}));
				}
				if (options.runs(6)) {
					figures.add(MemoryFigure.of(memory.peaks()));
				}
			}
		}
		figures.sort(Comparator.comparingInt(Figure::number));
		List<String> notes = new ArrayList<>();
		notes.add("Absolute numbers on a shared 2-core machine are noise; the ratios against baselines measured in the same "
				+ "run are the signal. Elasticsearch, Kafka, the services and the load generator all share these cores.");
		double loadAtEnd = Machine.currentLoadAverage();
		if (machine.loadAverage() > 1.0) {
			notes.add(String.format(java.util.Locale.ROOT,
					"The load average was %.2f on %d cores when this run started: other work was running, or a run had "
							+ "just ended (the average decays over minutes); absolute figures may be lower than on an idle "
							+ "machine.",
					machine.loadAverage(), machine.cores()));
		}
		Results results = new Results(options.command(), options.quick() ? "quick" : "full", date, console.minutes(),
				machine, loadAtEnd, figures, notes);
		write(options.output().resolve("RESULTS.md"), MarkdownReport.render(results));
		write(options.output().resolve("results.json"), JsonReport.render(results));
		console.line("wrote " + options.output().resolve("RESULTS.md") + " and results.json");
		for (Figure figure : figures) {
			figure.shortfalls().forEach((metric) -> console.line("  gap: figure " + figure.number() + " " + metric.name()
					+ " = " + String.format(java.util.Locale.ROOT, "%.2f", metric.value()) + " (target " + metric.target() + ")"));
		}
	}

	/** Runs a figure; one that fails is reported as not measured, with the reason, and the run goes on. */
	private static Figure attempt(Console console, int number, String title, java.util.function.Supplier<Figure> figure) {
		try {
			return figure.get();
		}
		catch (BenchException | StackException ex) {
			console.line("figure " + number + " failed: " + ex.getMessage());
			return Figure.notMeasured(number, title, "Failed in this run: " + ex.getMessage());
		}
	}

	private static void write(Path file, String text) {
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new BenchException("cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new BenchException("cannot clear the previous run's data in " + dir + ": " + ex.getMessage(), ex);
		}
	}

}
