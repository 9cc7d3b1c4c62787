package io.newshound.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newshound.stack.junit.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service as an operating-system process of its own, run from the executable jar the build made (its
 * path in a system property set by this module's pom) with the keys {@code ./newshound up} passes, so
 * that a test can kill it with SIGKILL. Its output goes to {@code target/<name>.log}.
 */
final class ServiceProcess implements AutoCloseable {

	/** The services, each with the system property that holds its executable jar. */
	enum Service {

		INDEXER("newshound.indexer.exec-jar", "indexer-service"), SEARCH("newshound.search.exec-jar", "search-service"),
		CRAWLER("newshound.crawler.exec-jar", "crawler-service");

		private final String property;

		private final String module;

		Service(String property, String module) {
			this.property = property;
			this.module = module;
		}

		Path jar() {
			return Path.of(System.getProperty(this.property,
					"../" + this.module + "/target/" + this.module + "-0.1.0-SNAPSHOT-exec.jar"));
		}

	}

	private static final Pattern PORT = Pattern.compile("Netty started on port (\\d+)");

	private final Process process;

	private final Path log;

	private ServiceProcess(Process process, Path log) {
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts the indexer on a free port, against the stack's broker and node. {@code setpriv --pdeathsig
	 * KILL} ties it to this JVM where setpriv exists, so that it dies with a test run that is killed.
	 */
	static ServiceProcess start(LocalStack stack, String name, String... extraArguments) {
		return start(Service.INDEXER, stack, stack.elasticsearchUrl(), name, extraArguments);
	}

	/** Starts {@code service} on a free port, with {@code elasticsearchUrl} (a proxy, say) for Elasticsearch. */
	static ServiceProcess start(Service service, LocalStack stack, String elasticsearchUrl, String name,
			String... extraArguments) {
		Path jar = service.jar();
		assertThat(jar).as("the executable jar; build it with ./mvnw -B install -DskipTests -pl %s -am", service.module)
			.isRegularFile();
		Path log = Path.of("target", name + ".log").toAbsolutePath();
		List<String> command = new ArrayList<>();
		if (Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
			command.addAll(List.of("/usr/bin/setpriv", "--pdeathsig", "KILL", "--"));
		}
		command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toAbsolutePath().toString(),
				"--server.port=0", "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
				"--spring.elasticsearch.uris=" + elasticsearchUrl, "--spring.main.banner-mode=off"));
		command.addAll(List.of(extraArguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		try {
			return new ServiceProcess(builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not start " + command, ex);
		}
	}

	/** Waits for a line of its log, such as {@code Consuming articles}; fails early if the process died. */
	void awaitLog(String text, Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
			assertThat(this.process.isAlive()).as("process alive (log: %s)", this.log).isTrue();
			return Files.readString(this.log).contains(text);
		});
	}

	/** The HTTP port it listens on, from its log; waits for it. */
	int port(Duration timeout) {
		awaitLog("Netty started on port", timeout);
		try {
			Matcher matcher = PORT.matcher(Files.readString(this.log));
			assertThat(matcher.find()).isTrue();
			return Integer.parseInt(matcher.group(1));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** SIGKILL: no shutdown hook, no commit, no goodbye to the consumer group. Returns the exit code (137). */
	int kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
		return this.process.exitValue();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	long pid() {
		return this.process.pid();
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
