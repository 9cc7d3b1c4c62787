package io.newshound.crawler.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code extract FILE|DIR…}: runs the article extractor over HTML files ({@code *.html} or
 * {@code *.html.gz}; a directory is searched recursively) and prints one JSON object keyed by page id
 * (the file name without {@code .html}/{@code .html.gz}). Each value has {@code articleBody} and,
 * where found, {@code headline}, {@code author}, {@code datePublished}, {@code dateModified},
 * {@code language}, {@code url} (canonical), {@code image}, {@code description} and
 * {@code siteName}. A file that cannot be read is reported on standard error and the others go on;
 * the exit status is 1 when any file failed, 2 on wrong usage. Runs without Spring.
 */
public final class ExtractCommand {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final ArticleExtractor extractor;

	private final PrintStream err;

	ExtractCommand(ArticleExtractor extractor, PrintStream err) {
		this.extractor = extractor;
		this.err = err;
	}

	public static void main(String[] args) {
		if (args.length == 0) {
			System.err.println("usage: extract FILE|DIR…  (files *.html or *.html.gz; prints one JSON object keyed by page id)");
			System.exit(2);
		}
		ExtractCommand command = new ExtractCommand(new JsoupArticleExtractor(), System.err);
		Result result = command.run(args);
		PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
		out.println(JSON.writeValueAsString(result.pages()));
		out.flush();
		System.exit(result.failures() > 0 ? 1 : 0);
	}

	/** The pages extracted, keyed by page id, and how many files failed. */
	record Result(ObjectNode pages, int failures) {
	}

	Result run(String... args) {
		List<Path> files = new ArrayList<>();
		int failures = 0;
		for (String arg : args) {
			Path path = Path.of(arg);
			if (Files.isDirectory(path)) {
				try (Stream<Path> walk = Files.walk(path)) {
					walk.filter(Files::isRegularFile).filter(ExtractCommand::isHtml).sorted().forEach(files::add);
				}
				catch (IOException | java.io.UncheckedIOException ex) {
					this.err.println("extract: cannot read directory " + path + ": " + ex.getMessage());
					failures++;
				}
			}
			else if (Files.isRegularFile(path)) {
				files.add(path);
			}
			else {
				this.err.println("extract: no such file or directory: " + path);
				failures++;
			}
		}
		Map<String, ObjectNode> pages = new TreeMap<>();
		for (Path file : files) {
			try {
				pages.put(pageId(file), toJson(this.extractor.extract(read(file), null)));
			}
			catch (IOException | RuntimeException ex) {
				this.err.println("extract: " + file + ": " + ex);
				failures++;
			}
		}
		ObjectNode root = JSON.createObjectNode();
		pages.forEach(root::set);
		return new Result(root, failures);
	}

	static boolean isHtml(Path file) {
		String name = file.getFileName().toString();
		return name.endsWith(".html") || name.endsWith(".html.gz");
	}

	static String pageId(Path file) {
		String name = file.getFileName().toString();
		if (name.endsWith(".html.gz")) {
			return name.substring(0, name.length() - ".html.gz".length());
		}
		if (name.endsWith(".html")) {
			return name.substring(0, name.length() - ".html".length());
		}
		return name;
	}

	private static String read(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			InputStream source = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
			return HtmlDecoder.decode(source.readAllBytes(), null);
		}
	}

	private static ObjectNode toJson(ExtractedArticle article) {
		ObjectNode node = JSON.createObjectNode();
		node.put("articleBody", article.body());
		putIfPresent(node, "headline", article.headline());
		if (!article.authors().isEmpty()) {
			node.put("author", String.join(", ", article.authors()));
		}
		putIfPresent(node, "datePublished", (article.published() != null) ? article.published().toString() : null);
		putIfPresent(node, "dateModified", (article.modified() != null) ? article.modified().toString() : null);
		putIfPresent(node, "language", article.language());
		putIfPresent(node, "url", (article.canonicalUrl() != null) ? article.canonicalUrl().toString() : null);
		putIfPresent(node, "image", article.image());
		putIfPresent(node, "description", article.summary());
		putIfPresent(node, "siteName", article.siteName());
		return node;
	}

	private static void putIfPresent(ObjectNode node, String field, String value) {
		if (value != null) {
			node.put(field, value);
		}
	}

}
