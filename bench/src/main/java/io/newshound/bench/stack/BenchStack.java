package io.newshound.bench.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.newshound.launcher.up.ServiceJvm;
import io.newshound.stack.ChildProcess;
import io.newshound.stack.ElasticsearchNode;
import io.newshound.stack.KafkaBroker;
import io.newshound.stack.Progress;

/**
 * A real Kafka broker and Elasticsearch node (local-stack, the same as {@code ./newshound up} starts, with the
 * same 512 MB Elasticsearch heap) on free ports, and the services as child JVMs with the launcher's options.
 * Everything lives under one data directory that each run starts afresh.
 */
public final class BenchStack implements AutoCloseable {

	private static final String VERSION = "0.1.0-SNAPSHOT";

	private final Path home;

	private final Path data;

	private final List<String> extraJvmOptions;

	private final Deque<AutoCloseable> started = new ArrayDeque<>();

	private String kafka;

	private String elasticsearch;

	/**
	 * @param home the repository root (where the services' jars are built)
	 * @param data a directory of this run's data and logs
	 * @param extraJvmOptions added to each service's JVM options (a flight recording when profiling)
	 */
	public BenchStack(Path home, Path data, List<String> extraJvmOptions) {
		this.home = home;
		this.data = data;
		this.extraJvmOptions = List.copyOf(extraJvmOptions);
	}

	/** Starts Kafka, then Elasticsearch. */
	public void start(Progress progress) {
		Path plugin = built("search-analysis-plugin", "search-analysis-plugin-" + VERSION + ".zip");
		for (String service : List.of("indexer-service", "search-service", "crawler-service")) {
			built(service, service + "-" + VERSION + "-exec.jar");
		}
		// one after the other: on a loaded 2-core machine, starting both at once can push Kafka past its start timeout
		KafkaBroker broker = KafkaBroker.start(new KafkaBroker.Config(this.data.resolve("kafka"), 0), progress);
		this.started.push(broker);
		this.kafka = broker.bootstrapServers();
		ElasticsearchNode node = ElasticsearchNode
			.start(new ElasticsearchNode.Config(this.data.resolve("elasticsearch"), 0, List.of(plugin), "512m"), progress);
		this.started.push(node);
		this.elasticsearch = node.httpUrl();
	}

	public String kafka() {
		return this.kafka;
	}

	public String elasticsearch() {
		return this.elasticsearch;
	}

	public Path data() {
		return this.data;
	}

	/**
	 * Starts a service with the launcher's JVM options, pointed at this stack, and waits until it is UP.
	 * @param name the module, such as {@code indexer-service}
	 * @param arguments more Spring Boot arguments ({@code --key=value})
	 */
	public ServiceProcess service(String name, List<String> arguments) {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(ServiceJvm.options(name));
		for (String option : this.extraJvmOptions) {
			command.add(option.replace("{name}", name).replace("{dir}", this.data.resolve("profiles").toString()));
		}
		command.addAll(List.of("-jar", built(name, name + "-" + VERSION + "-exec.jar").toString()));
		command.add("--spring.kafka.bootstrap-servers=" + this.kafka);
		command.add("--spring.elasticsearch.uris=" + this.elasticsearch);
		command.add("--server.port=" + port);
		command.addAll(arguments);
		Path log = this.data.resolve("logs").resolve(name + ".log");
		try {
			Files.createDirectories(this.data.resolve("profiles"));
		}
		catch (IOException ex) {
			throw new BenchException("cannot create " + this.data.resolve("profiles") + ": " + ex.getMessage(), ex);
		}
		ServiceProcess service = new ServiceProcess(name, port, ChildProcess.start(name, new ProcessBuilder(command), log),
				log);
		this.started.push(service);
		service.awaitUp(Duration.ofMinutes(3));
		return service;
	}

	/**
	 * The service of that name that an earlier figure started and left running (the indexer, from figure 1), or a
	 * new one started with {@code arguments} when there is none.
	 */
	public ServiceProcess runningOrStart(String name, List<String> arguments) {
		for (AutoCloseable each : this.started) {
			if (each instanceof ServiceProcess service && service.name().equals(name) && service.isAlive()) {
				return service;
			}
		}
		return service(name, arguments);
	}

	/** Stops a service before the others (its flight recording, if any, is written on exit). */
	public void stop(ServiceProcess service) {
		this.started.remove(service);
		service.close();
	}

	private Path built(String module, String file) {
		Path path = this.home.resolve(module).resolve("target").resolve(file);
		if (!Files.isRegularFile(path)) {
			throw new BenchException(path + " is missing; build with ./mvnw -B -DskipTests install");
		}
		return path;
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new BenchException("no free port on the loopback interface: " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		while (!this.started.isEmpty()) {
			try {
				this.started.pop().close();
			}
			catch (Exception ex) {
				// keep stopping the rest
			}
		}
	}

}
