package io.newshound.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker, run the way Kafka's own distribution runs it: storage formatted once with
 * {@code kafka.tools.StorageTool}, then {@code kafka.Kafka server.properties} in a child JVM whose
 * classpath is the Kafka jars from the local Maven repository. A single KRaft node is broker and
 * controller at once, listening on 127.0.0.1; topics are never created implicitly.
 *
 * <p>Layout of the data directory, which persists topics and offsets across restarts:
 * <pre>
 * kafka/server.properties   rewritten on every start (ports may change)
 * kafka/data/               the log directory: metadata and topic partitions
 * kafka/console.log         the broker's output; its tail is in every start failure
 * kafka/format.log          the output of the one-time storage format
 * </pre>
 */
public final class KafkaBroker implements AutoCloseable {

	private static final String COMPONENT = "kafka";

	/**
	 * About 4 s on two idle cores, 12 s beside a starting Elasticsearch; over 60 s seen on two cores shared by
	 * several builds. A broker that dies is reported at once, so a long limit costs nothing.
	 */
	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final ChildProcess process;

	private final String bootstrapServers;

	private KafkaBroker(ChildProcess process, String bootstrapServers) {
		this.process = process;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Formats the storage (first time), starts the broker, and returns once an admin client sees
	 * it in the cluster.
	 * @throws StackException with a message for the user if it cannot start
	 */
	public static KafkaBroker start(Config config, Progress progress) {
		Readiness readiness = new Readiness(START_TIMEOUT);
		StackArtifacts artifacts = StackArtifacts.recordedByTheBuild();
		String classpath = artifacts.requireKafkaClasspath();
		int port = Ports.freeOrRequested(COMPONENT, config.port());
		int controllerPort = Ports.free(COMPONENT);
		Path brokerDirectory = config.dataDirectory().toAbsolutePath().normalize().resolve("kafka");
		Path logDirectory = brokerDirectory.resolve("data");
		Path properties = writeServerProperties(brokerDirectory, logDirectory, port, controllerPort);

		if (!Files.exists(logDirectory.resolve("meta.properties"))) {
			progress.report(COMPONENT + ": formatting storage in " + logDirectory + "…");
			ChildProcess.run(COMPONENT, java(classpath, "kafka.tools.StorageTool", "format", "--cluster-id",
					Uuid.randomUuid().toString(), "--config", properties.toString()),
					brokerDirectory.resolve("format.log"), START_TIMEOUT);
		}

		String bootstrapServers = Ports.HOST + ":" + port;
		progress.report(COMPONENT + ": starting " + artifacts.kafkaVersion() + " on " + bootstrapServers + "…");
		ChildProcess process = ChildProcess.start(COMPONENT,
				java(classpath, "kafka.Kafka", properties.toString()), brokerDirectory.resolve("console.log"));
		try {
			// the admin client logs a warning per refused connection: let it in only once the port is open
			readiness.await(process, () -> Ports.acceptsConnections(port), "listening on " + bootstrapServers);
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
					AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
					3000))) {
				readiness.await(process, () -> seesABroker(admin), "answering on " + bootstrapServers);
			}
		}
		catch (RuntimeException ex) {
			process.close();
			throw ex;
		}
		progress.report(COMPONENT + ": ready on " + bootstrapServers + " in " + readiness.elapsed());
		return new KafkaBroker(process, bootstrapServers);
	}

	/** The Kafka version this module runs, such as {@code "4.1.2"}. */
	public static String version() {
		return StackArtifacts.recordedByTheBuild().kafkaVersion();
	}

	/** For example {@code 127.0.0.1:9092}. */
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/** Stops the broker (a clean shutdown, then a kill if it hangs); waits until it is gone. */
	@Override
	public void close() {
		this.process.close();
	}

	private static boolean seesABroker(Admin admin) {
		try {
			return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
		}
		catch (ExecutionException | TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** This JVM's own java: Kafka 4 runs on 17, which is what the build requires anyway. */
	private static ProcessBuilder java(String classpath, String mainClass, String... arguments) {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xms512m", "-Xmx512m", "-XX:+UseG1GC", "-Djava.awt.headless=true",
				"-Dorg.slf4j.simpleLogger.showDateTime=true",
				"-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS", "-cp", classpath, mainClass));
		command.addAll(List.of(arguments));
		return new ProcessBuilder(Setpriv.tiedToThisJvm(command));
	}

	private static Path writeServerProperties(Path brokerDirectory, Path logDirectory, int port, int controllerPort) {
		String controller = Ports.HOST + ":" + controllerPort;
		List<String> lines = List.of("# written by local-stack on every start",
				"process.roles=broker,controller", "node.id=1",
				"controller.quorum.voters=1@" + controller,
				"listeners=PLAINTEXT://" + Ports.HOST + ":" + port + ",CONTROLLER://" + controller,
				"advertised.listeners=PLAINTEXT://" + Ports.HOST + ":" + port,
				"controller.listener.names=CONTROLLER", "inter.broker.listener.name=PLAINTEXT",
				"listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
				"log.dirs=" + escaped(logDirectory),
				// an undeclared topic must fail loudly rather than appear with defaults
				"auto.create.topics.enable=false", "num.partitions=3",
				// one broker: every internal topic has one replica
				"offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1",
				// consumers in tests should get partitions at once, not after 3 s
				"group.initial.rebalance.delay.ms=0");
		Path properties = brokerDirectory.resolve("server.properties");
		try {
			Files.createDirectories(logDirectory);
			Files.write(properties, lines);
			return properties;
		}
		catch (IOException ex) {
			throw new StackException(COMPONENT, "could not write " + properties + ": " + ex.getMessage(), ex);
		}
	}

	/** A properties-file value: backslashes would otherwise start escapes. */
	private static String escaped(Path path) {
		return path.toString().replace("\\", "\\\\");
	}

	/**
	 * How to run the broker.
	 * @param dataDirectory where topics, offsets and logs are kept; reuse it to keep them
	 * @param port the client port on 127.0.0.1, or 0 for a free one
	 */
	public record Config(Path dataDirectory, int port) {

		public Config {
			Objects.requireNonNull(dataDirectory, "dataDirectory");
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("port must be 0 (any free port) or a port number: " + port);
			}
		}

	}

}
