package io.newshound.bench.extraction;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import io.newshound.bench.BenchContext;
import io.newshound.bench.report.Figure;
import io.newshound.bench.report.Metric;
import io.newshound.bench.stack.BenchException;
import io.newshound.launcher.up.ServiceJvm;

/**
 * Figure 5, first half: the crawler's extractor in pages per second per core, by JMH, in a forked JVM with the
 * crawler's own JVM options, and once more with the JIT's full optimisation for comparison.
 */
public final class ExtractionFigure {

	/** The extraction benchmark's development pages; {@code NEWSHOUND_BENCH_PAGES} names another directory. */
	static final Path DEFAULT_PAGES = Path.of("/work/shared/extraction-benchmark/dev");

	static final String C2_CAVEAT = "extraction: C2 measured below C1 here. On a loaded machine the C2 compiler "
			+ "threads compete with the benchmark for the same cores and do not finish within the short warm-up, so "
			+ "this comparison means something only on an idle machine or with the full run's longer warm-up.";

	private ExtractionFigure() {
	}

	public static void run(BenchContext context, Figure.Builder figure) {
		Path dir = Path.of(System.getenv().getOrDefault("NEWSHOUND_BENCH_PAGES", DEFAULT_PAGES.toString()));
		int pages;
		try {
			pages = Files.isDirectory(dir) ? ExtractionBenchmark.pages(dir).size() : 0;
		}
		catch (IOException ex) {
			throw new BenchException("cannot read the pages in " + dir + ": " + ex.getMessage(), ex);
		}
		if (pages == 0) {
			figure.note("Extraction not measured: no *.html or *.html.gz pages in " + dir
					+ " (set NEWSHOUND_BENCH_PAGES to a directory of saved article pages)");
			return;
		}
		boolean quick = context.options().quick();
		context.console().line("figure 5: extraction over " + pages + " pages in " + dir + " (JMH)");
		List<String> crawlerJvm = ServiceJvm.options("crawler-service");
		double deployed = jmh(dir, quick, crawlerJvm);
		context.console().line(String.format(Locale.ROOT, "  %.0f pages/s per core with the crawler's JVM options", deployed));
		List<String> fullJit = new ArrayList<>(crawlerJvm);
		fullJit.remove("-XX:TieredStopAtLevel=1");
		double optimised = jmh(dir, quick, fullJit);
		context.console().line(String.format(Locale.ROOT, "  %.0f pages/s per core with C2", optimised));
		if (optimised < deployed) {
			figure.note(C2_CAVEAT);
		}
		figure.baseline("extraction: the same pages with the JIT's full optimisation (C2) instead of the "
				+ "crawler's C1-only JVM; crawling: the bound that politeness sets")
			.metric(Metric.of("extraction, crawler's JVM (" + String.join(" ", crawlerJvm) + ")", deployed,
					"pages/s/core"))
			.metric(Metric.of("extraction, C2", optimised, "pages/s/core"))
			.note(String.format(Locale.ROOT, "JMH 1.37, throughput mode, one thread, one fork each, %s; %d pages read at run "
					+ "time from %s, one page per operation in turn", quick ? "3 × 3 s warm-up, 3 × 3 s measured"
							: "3 × 5 s warm-up, 5 × 5 s measured", pages, dir));
	}

	private static double jmh(Path dir, boolean quick, List<String> jvmOptions) {
		List<String> jvm = new ArrayList<>(jvmOptions);
		jvm.add("-D" + ExtractionBenchmark.PAGES_PROPERTY + "=" + dir);
		Options options = new OptionsBuilder().include(ExtractionBenchmark.class.getName() + ".extract")
			.forks(1)
			.threads(1)
			.warmupIterations(3)
			.warmupTime(TimeValue.seconds(quick ? 3 : 5))
			.measurementIterations(quick ? 3 : 5)
			.measurementTime(TimeValue.seconds(quick ? 3 : 5))
			.jvmArgs(jvm.toArray(String[]::new))
			.timeUnit(java.util.concurrent.TimeUnit.SECONDS)
			.shouldFailOnError(true)
			.verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)
			.build();
		try {
			RunResult result = new Runner(options).runSingle();
			return result.getPrimaryResult().getScore();
		}
		catch (RunnerException ex) {
			throw new BenchException("the extraction benchmark failed: " + ex.getMessage(), ex);
		}
	}

}
