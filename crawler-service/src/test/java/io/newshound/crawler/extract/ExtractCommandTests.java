package io.newshound.crawler.extract;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import io.newshound.crawler.TestSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ExtractCommandTests {

	/** Files and directories, plain and gzip: one JSON object keyed by page id; a broken file is reported and skipped. */
	@Test
	void extractsEveryPageAndReportsBrokenOnes(@TempDir Path dir) throws Exception {
		Path pages = Files.createDirectories(dir.resolve("pages"));
		Files.writeString(pages.resolve("chip.html"),
				TestSite.fixture("site/chip-export-rules.html").replace("{{base}}", "https://fieldnote.example"));
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(pages.resolve("robotics.html.gz")))) {
			out.write(TestSite.fixture("site/robotics-lab.html").getBytes(StandardCharsets.UTF_8));
		}
		Files.writeString(pages.resolve("broken.html.gz"), "this is not gzip");
		Files.writeString(pages.resolve("notes.txt"), "ignored");
		Path single = dir.resolve("open.html");
		Files.writeString(single, TestSite.fixture("site/open-model-release.html").replace("{{base}}", "https://w.example"));

		ByteArrayOutputStream err = new ByteArrayOutputStream();
		ExtractCommand command = new ExtractCommand(new JsoupArticleExtractor(), new PrintStream(err, true, StandardCharsets.UTF_8));
		ExtractCommand.Result result = command.run(pages.toString(), single.toString(), dir.resolve("missing.html").toString());

		JsonNode json = result.pages();
		assertThat(json.propertyNames()).containsExactly("chip", "open", "robotics");
		assertThat(json.get("chip").get("headline").asString()).isEqualTo("Chipmakers brace for new export rules on AI accelerators");
		assertThat(json.get("chip").get("author").asString()).isEqualTo("Mara Okafor, Tomas Lind");
		assertThat(json.get("chip").get("datePublished").asString()).isEqualTo("2026-03-14T07:30:00Z");
		assertThat(json.get("chip").get("language").asString()).isEqualTo("en");
		assertThat(json.get("chip").get("url").asString()).isEqualTo("https://fieldnote.example/articles/chip-export-rules?id=42");
		assertThat(json.get("chip").get("image").asString()).isEqualTo("https://fieldnote.example/img/chip-lead.jpg");
		assertThat(json.get("robotics").get("articleBody").asString()).startsWith("A university robotics lab");
		assertThat(json.get("robotics").has("url")).isFalse();
		assertThat(json.get("open").get("url").asString()).isEqualTo("https://w.example/articles/open-model-release");
		assertThat(result.failures()).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("broken.html.gz").contains("no such file or directory")
			.contains("missing.html");
	}

	@Test
	void pageIdIsTheFileNameWithoutItsExtension() {
		assertThat(ExtractCommand.pageId(Path.of("/x/abc.html"))).isEqualTo("abc");
		assertThat(ExtractCommand.pageId(Path.of("/x/abc.def.html.gz"))).isEqualTo("abc.def");
	}

}
