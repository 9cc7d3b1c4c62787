package io.newshound.launcher.up;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newshound.launcher.LaunchException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UpCommandTests {

	@TempDir
	Path home;

	/** Without the analysis plugin's zip, up says how to build it before it starts anything. */
	@Test
	void missingAnalysisPluginIsOneClearErrorBeforeAnythingStarts() throws IOException {
		for (String service : new String[] { "crawler-service", "indexer-service", "search-service" }) {
			Path jar = this.home.resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT-exec.jar");
			Files.createDirectories(jar.getParent());
			Files.writeString(jar, "not a real jar");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		UpCommand up = new UpCommand(new UpOptions(this.home, this.home.resolve("data"), null, null, null),
				new PrintStream(out, true, StandardCharsets.UTF_8));

		assertThatExceptionOfType(LaunchException.class).isThrownBy(up::run)
			.withMessage("the Elasticsearch analysis plugin is not built ("
					+ this.home.resolve("search-analysis-plugin/target/search-analysis-plugin-0.1.0-SNAPSHOT.zip")
					+ " is missing); run ./mvnw -B -DskipTests install");
		assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("starting");
	}

}
