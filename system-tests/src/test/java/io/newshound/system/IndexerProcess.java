package io.newshound.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.newshound.stack.junit.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The indexer as an operating-system process of its own, run from the executable jar the build made
 * ({@code newshound.indexer.exec-jar}, set by this module's pom) with the keys {@code ./newshound up}
 * passes, so that a test can kill it with SIGKILL. Its output goes to {@code target/<name>.log}.
 */
final class IndexerProcess implements AutoCloseable {

	static final String EXEC_JAR = "newshound.indexer.exec-jar";

	private final Process process;

	private final Path log;

	private IndexerProcess(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts the indexer on a free port. {@code setpriv --pdeathsig KILL} ties it to this JVM where
	 * setpriv exists, so that it dies with a test run that is killed.
	 */
	static IndexerProcess start(LocalStack stack, String name, String... extraArguments) {
		Path jar = Path.of(System.getProperty(EXEC_JAR, "../indexer-service/target/indexer-service-0.1.0-SNAPSHOT-exec.jar"));
		assertThat(jar).as("the indexer's executable jar; build it with ./mvnw -B install -DskipTests -pl indexer-service -am")
			.isRegularFile();
		Path log = Path.of("target", name + ".log").toAbsolutePath();
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
			command.addAll(List.of("/usr/bin/setpriv", "--pdeathsig", "KILL", "--"));
		}
		command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-XX:+UseSerialGC", "-jar", jar.toAbsolutePath().toString(), "--server.port=0",
				"--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
				"--spring.elasticsearch.uris=" + stack.elasticsearchUrl(), "--spring.main.banner-mode=off"));
		command.addAll(List.of(extraArguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		try {
			return new IndexerProcess(builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start " + command, ex);
		}
	}

	/** Waits for a line of its log, such as {@code Consuming articles}; fails early if the process died. */
	void awaitLog(String text, Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
			assertThat(this.process.isAlive()).as("indexer process alive (log: %s)", this.log).isTrue();
			return Files.readString(this.log).contains(text);
		});
	}

	/** SIGKILL: no shutdown hook, no commit, no goodbye to the consumer group. Returns the exit code (137). */
	int kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
		return this.process.exitValue();
	}

	Path log() {
		return this.log;
	}

	/** SIGTERM and Spring's graceful shutdown; SIGKILL if that takes more than 30 s. */
	@Override
	public void close() throws InterruptedException {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			this.process.waitFor();
		}
	}

}
