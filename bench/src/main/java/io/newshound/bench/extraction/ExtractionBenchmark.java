package io.newshound.bench.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import io.newshound.crawler.extract.ArticleExtractor;
import io.newshound.crawler.extract.JsoupArticleExtractor;

/**
 * The crawler's article extractor over a directory of saved pages, one page per operation, on one thread: the
 * operations per second are pages per second per core. The pages are read at run time from the directory in
 * the system property {@value #PAGES_PROPERTY} (never copied into the repository).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
public class ExtractionBenchmark {

	static final String PAGES_PROPERTY = "newshound.bench.pages";

	private final ArticleExtractor extractor = new JsoupArticleExtractor();

	private List<String> pages;

	private int next;

	@Setup(Level.Trial)
	public void load() throws IOException {
		this.pages = pages(Path.of(System.getProperty(PAGES_PROPERTY)));
	}

	@Benchmark
	public void extract(Blackhole blackhole) {
		String page = this.pages.get(this.next++ % this.pages.size());
		blackhole.consume(this.extractor.extract(page, null));
	}

	/** The decoded pages ({@code *.html}, {@code *.html.gz}) of {@code dir}, in name order. */
	static List<String> pages(Path dir) throws IOException {
		List<String> pages = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.sorted().toList()) {
				String name = file.getFileName().toString();
				if (name.endsWith(".html.gz")) {
					try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
						pages.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
					}
				}
				else if (name.endsWith(".html")) {
					pages.add(Files.readString(file, StandardCharsets.UTF_8));
				}
			}
		}
		return pages;
	}

}
