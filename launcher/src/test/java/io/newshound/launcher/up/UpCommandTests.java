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

	/** An unreachable --kafka ends with one line naming it, before Elasticsearch or anything else starts. */
	@Test
	void unreachableKafkaIsOneClearErrorBeforeAnythingStarts() throws IOException {
		builtHome();
		Files.createDirectories(this.home.resolve("search-analysis-plugin/target"));
		Files.writeString(this.home.resolve("search-analysis-plugin/target/search-analysis-plugin-0.1.0-SNAPSHOT.zip"), "zip");
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		UpCommand up = new UpCommand(
				new UpOptions(this.home, this.home.resolve("data"), null, "127.0.0.1:" + closedPort, null),
				new PrintStream(out, true, StandardCharsets.UTF_8));

		assertThatExceptionOfType(LaunchException.class).isThrownBy(up::run)
			.withMessageStartingWith("cannot reach Kafka at 127.0.0.1:" + closedPort + " within 10 s");
		assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("elasticsearch");
		assertThat(this.home.resolve("data/elasticsearch")).doesNotExist();
	}

	private void builtHome() throws IOException {
		for (String service : new String[] { "crawler-service", "indexer-service", "search-service" }) {
			Path jar = this.home.resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT-exec.jar");
			Files.createDirectories(jar.getParent());
			Files.writeString(jar, "not a real jar");
		}
	}

	/** Without the analysis plugin's zip, up says how to build it before it starts anything. */
	@Test
	void missingAnalysisPluginIsOneClearErrorBeforeAnythingStarts() throws IOException {
		builtHome();
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
