package io.newshound.crawler;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** A bad sources file stops the start with one clear line naming file, line and reason, and no stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class CrawlerStartupTests {

	private static void start(Path stateDir, String sources) {
		new SpringApplicationBuilder(CrawlerApplication.class).web(WebApplicationType.NONE)
			.run("--newshound.crawler.sources=" + sources, "--newshound.crawler.state-dir=" + stateDir,
					"--newshound.crawler.scheduling-enabled=false", "--spring.kafka.admin.auto-create=false");
	}

	@Test
	void aMissingSourcesFileStopsTheStartNamingThePath(@TempDir Path dir, CapturedOutput output) {
		Path missing = dir.resolve("missing.yml");
		assertThatException().isThrownBy(() -> start(dir.resolve("state"), missing.toString()));
		assertThat(output).contains("Invalid sources file " + missing + ": no such file")
			.doesNotContain("at io.newshound");
	}

	@Test
	void anUnknownKeyStopsTheStartNamingFileAndLine(@TempDir Path dir, CapturedOutput output) throws Exception {
		Path file = dir.resolve("sources.yml");
		Files.writeString(file, "sources:\n  - name: A\n    url: https://x.example/feed\n    kind: feed\n    colour: red\n");
		assertThatException().isThrownBy(() -> start(dir.resolve("state"), file.toString()));
		assertThat(output).contains("Invalid sources file " + file + ":5: unknown key 'colour' in a source")
			.doesNotContain("at io.newshound");
	}

}
