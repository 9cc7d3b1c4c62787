package io.newshound.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A real single-node Elasticsearch, run from the distribution zip in the local Maven repository
 * as a child process of this JVM, listening on 127.0.0.1 with security off.
 *
 * <p>Layout of the data directory, which persists data across restarts:
 * <pre>
 * elasticsearch-9.2.4/        the distribution, unpacked once; config and plugins live here
 * elasticsearch/data/         indices (path.data)
 * elasticsearch/logs/         Elasticsearch's own logs (path.logs)
 * elasticsearch/console.log   the node's stdout and stderr; its tail is in every start failure
 * </pre>
 *
 * <p>Elasticsearch needs a JDK 21 or newer ({@link JdkLocator}) and refuses to run as root: when
 * this JVM is root, the node runs as the system user {@code newshound} (created if missing), which
 * then owns the directories above and must be able to enter every parent of the data directory.
 */
public final class ElasticsearchNode implements AutoCloseable {

	private static final String COMPONENT = "elasticsearch";

	private static final int MINIMUM_JAVA_VERSION = 21;

	/**
	 * 25 to 35 s on two cores; over 180 s seen on two cores shared by several builds. A node that dies is reported
	 * at once, so a long limit costs nothing.
	 */
	private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

	/** Only for the readiness probe: the node's users bring their own clients. */
	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final ChildProcess process;

	private final String httpUrl;

	private ElasticsearchNode(ChildProcess process, String httpUrl) {
		this.process = process;
		this.httpUrl = httpUrl;
	}

	/**
	 * Unpacks (first time), configures and starts the node, and returns once it answers
	 * {@code GET /_cluster/health}.
	 * @throws StackException with a message for the user if it cannot start
	 */
	public static ElasticsearchNode start(Config config, Progress progress) {
		Readiness readiness = new Readiness(START_TIMEOUT);
		StackArtifacts artifacts = StackArtifacts.recordedByTheBuild();
		String version = artifacts.elasticsearchVersion();
		JdkLocator.Jdk jdk = JdkLocator.onThisMachine().locate(MINIMUM_JAVA_VERSION, "Elasticsearch " + version);
		Path dataDirectory = createDirectories(config.dataDirectory().toAbsolutePath().normalize());
		Path nodeDirectory = createDirectories(dataDirectory.resolve("elasticsearch"));
		Optional<UnprivilegedUser> user = userToRunAs(dataDirectory, nodeDirectory, jdk);
		int httpPort = Ports.freeOrRequested(COMPONENT, config.httpPort());
		int transportPort = Ports.free(COMPONENT);
		Map<String, String> environment = Map.of("ES_JAVA_HOME", jdk.home().toString(), "ES_JAVA_OPTS",
				"-Xms" + config.heap() + " -Xmx" + config.heap(), "ES_TMPDIR",
				createDirectories(nodeDirectory.resolve("tmp")).toString());

		ElasticsearchHome home = ElasticsearchHome.unpackedOnce(artifacts.requireElasticsearchZip(), version,
				dataDirectory, progress);
		PluginInstaller plugins = new PluginInstaller(home, environment, nodeDirectory);
		config.plugins().forEach((plugin) -> plugins.install(plugin, progress));
		home.writeConfig(httpPort, transportPort, createDirectories(nodeDirectory.resolve("data")),
				createDirectories(nodeDirectory.resolve("logs")));
		user.ifPresent((owner) -> owner.takeOwnership(home.directory(), nodeDirectory));

		String httpUrl = "http://" + Ports.HOST + ":" + httpPort;
		progress.report(COMPONENT + ": starting " + version + " with JDK " + jdk.version() + " on " + httpUrl
				+ user.map((owner) -> " as user " + owner.name()).orElse("") + "…");
		ChildProcess process = ChildProcess.start(COMPONENT, processBuilder(home, environment, user),
				nodeDirectory.resolve("console.log"));
		try {
			readiness.await(process, () -> isHealthy(httpUrl), "answering on " + httpUrl);
		}
		catch (RuntimeException ex) {
			process.close();
			throw ex;
		}
		progress.report(COMPONENT + ": ready on " + httpUrl + " in " + readiness.elapsed());
		return new ElasticsearchNode(process, httpUrl);
	}

	/** The Elasticsearch version this module runs, such as {@code "9.2.4"}. */
	public static String version() {
		return StackArtifacts.recordedByTheBuild().elasticsearchVersion();
	}

	/** For example {@code http://127.0.0.1:9200}. */
	public String httpUrl() {
		return this.httpUrl;
	}

	/** Stops the node and every process it started; waits until they are gone. */
	@Override
	public void close() {
		this.process.close();
	}

	/** Root may not run Elasticsearch: find out early, before unpacking, whether its stand-in can. */
	private static Optional<UnprivilegedUser> userToRunAs(Path dataDirectory, Path nodeDirectory, JdkLocator.Jdk jdk) {
		if (!UnprivilegedUser.weAreRoot()) {
			return Optional.empty();
		}
		UnprivilegedUser user = UnprivilegedUser.ensureExists(COMPONENT, nodeDirectory);
		user.requireCanReach(dataDirectory, "data directory");
		user.requireCanReach(jdk.home(), "JDK");
		return Optional.of(user);
	}

	private static ProcessBuilder processBuilder(ElasticsearchHome home, Map<String, String> environment,
			Optional<UnprivilegedUser> user) {
		List<String> command = List.of(home.tool("elasticsearch").toString());
		ProcessBuilder builder = new ProcessBuilder(user.map((owner) -> Setpriv.tiedToThisJvmAs(owner, command))
			.orElseGet(() -> Setpriv.tiedToThisJvm(command))).directory(home.directory().toFile());
		builder.environment().putAll(environment);
		// the start script warns about these and ignores them; keep the log to what matters
		builder.environment().remove("JAVA_HOME");
		builder.environment().remove("JAVA_TOOL_OPTIONS");
		return builder;
	}

	private static boolean isHealthy(String httpUrl) {
		// GET / answers 405 on this distribution; cluster health answers 200 once the node serves
		HttpRequest request = HttpRequest.newBuilder(URI.create(httpUrl + "/_cluster/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static Path createDirectories(Path directory) {
		try {
			return Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new StackException(COMPONENT, "could not create " + directory + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * How to run the node.
	 * @param dataDirectory where the distribution is unpacked and data and logs are kept; reuse it
	 * to keep indices across restarts
	 * @param httpPort the HTTP port on 127.0.0.1, or 0 for a free one
	 * @param plugins plugin zips to install before the start (each reinstalled only when it changed)
	 * @param heap the JVM heap, such as {@code "512m"}
	 */
	public record Config(Path dataDirectory, int httpPort, List<Path> plugins, String heap) {

		public Config {
			Objects.requireNonNull(dataDirectory, "dataDirectory");
			if (httpPort < 0 || httpPort > 65535) {
				throw new IllegalArgumentException("httpPort must be 0 (any free port) or a port number: " + httpPort);
			}
			plugins = List.copyOf(plugins);
			if (!heap.matches("[1-9][0-9]*[mg]")) {
				throw new IllegalArgumentException("heap must look like 512m or 1g: " + heap);
			}
		}

	}

}
