package io.newshound.launcher.up;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import io.newshound.launcher.LaunchException;
import io.newshound.launcher.demo.DemoSite;
import io.newshound.stack.ElasticsearchNode;
import io.newshound.stack.KafkaBroker;

/**
 * {@code ./newshound up}: starts what is missing of Kafka and Elasticsearch, the demo site and the
 * three services, prints progress and then a live status line, and stops everything it started on
 * Ctrl-C or SIGTERM (a JVM shutdown hook; each child also dies with this JVM through its death signal).
 */
public final class UpCommand {

	private static final Duration SERVICE_START_TIMEOUT = Duration.ofMinutes(3);

	private static final Duration EXTERNAL_CHECK_TIMEOUT = Duration.ofSeconds(10);

	/** The module whose zip gives the node the analysis the index template needs. */
	private static final String ANALYSIS_PLUGIN = "search-analysis-plugin";

	private final UpOptions options;

	private final Console console;

	private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();

	private final List<SupervisedService> services = new ArrayList<>();

	private volatile PipelineStatus statusSource;

	/** Set when stopping begins: the status line ends, so that nothing is printed after "stopped". */
	private volatile boolean stopping;

	public UpCommand(UpOptions options, PrintStream out) {
		this.options = options;
		this.console = new Console(out, System.console() != null);
	}

	public int run() {
		Thread stopper = new Thread(this::stopAll, "newshound-stop");
		Runtime.getRuntime().addShutdownHook(stopper);
		try {
			startAll();
		}
		catch (RuntimeException ex) {
			stopAll();
			throw ex;
		}
		watch();
		return 0;
	}

	private void startAll() {
		long begin = System.nanoTime();
		Path data = this.options.dataDir();
		createDirectories(data);
		List<ServiceSpec> specs = serviceSpecs(null, null);
		for (ServiceSpec spec : specs) {
			if (!Files.isRegularFile(spec.jar())) {
				throw new LaunchException(spec.name() + " is not built (" + spec.jar() + " is missing); run ./mvnw -B -DskipTests install");
			}
		}
		if (this.options.elasticsearch() == null) {
			analysisPlugin(); // missing: fail before anything starts
		}
		// clusters the user named are checked before anything starts: a typo should cost seconds, not a minute
		if (this.options.kafka() != null) {
			requireKafka(this.options.kafka());
		}
		if (this.options.elasticsearch() != null) {
			requireElasticsearch(this.options.elasticsearch().toString());
		}
		for (ServiceSpec spec : specs) {
			requireFreePort(spec.port(), spec.name());
		}
		requireFreePort(UpOptions.DEMO_SITE_PORT, "the demo site");
		this.console.line("Newshound: starting on this machine (data in " + data + ")");

		CompletableFuture<String> kafka = CompletableFuture.supplyAsync(this::kafka);
		CompletableFuture<String> elasticsearch = CompletableFuture.supplyAsync(this::elasticsearch);
		// both must have finished before either failure is reported, so that stopAll() sees all that started
		CompletableFuture.allOf(kafka, elasticsearch).exceptionally((ex) -> null).join();
		String kafkaBootstrap = join(kafka);
		String elasticsearchUrl = join(elasticsearch);

		long demoStart = System.nanoTime();
		try {
			DemoSite site = DemoSite.start(UpOptions.DEMO_SITE_PORT);
			this.started.push(site);
			this.console.ready("demo site", site.feedUrl(), demoStart);
		}
		catch (IOException ex) {
			throw new LaunchException("cannot serve the demo site on port " + UpOptions.DEMO_SITE_PORT + ": " + ex.getMessage(), ex);
		}

		for (ServiceSpec spec : serviceSpecs(kafkaBootstrap, elasticsearchUrl)) {
			long serviceStart = System.nanoTime();
			this.console.line("  … " + spec.name() + " starting");
			SupervisedService service = new SupervisedService(spec, data.resolve("logs"), this.console);
			this.started.push(service);
			this.services.add(service);
			service.start(SERVICE_START_TIMEOUT);
			this.console.ready(spec.name(), spec.url(), serviceStart);
		}
		this.console.line(String.format("Newshound is up in %.0f s.%n  page     http://127.0.0.1:%d/%n"
				+ "  search   http://127.0.0.1:%d/api/search?q=openai%n"
				+ "  sources  http://127.0.0.1:%d/api/sources%n  logs     %s%nCtrl-C stops everything.",
				Console.seconds(begin), UpOptions.SEARCH_PORT, UpOptions.SEARCH_PORT, UpOptions.CRAWLER_PORT,
				data.resolve("logs")));
		this.statusSource = new PipelineStatus("http://127.0.0.1:" + UpOptions.CRAWLER_PORT, elasticsearchUrl,
				kafkaBootstrap);
		this.started.push(this.statusSource);
	}

	private void watch() {
		while (!Thread.currentThread().isInterrupted() && !this.stopping) {
			StringBuilder line = new StringBuilder("● crawled ").append(this.statusSource.crawled())
				.append(" · searchable ")
				.append(this.statusSource.searchable())
				.append(" · indexer lag ")
				.append(this.statusSource.lag());
			for (SupervisedService service : this.services) {
				line.append(" · ").append(service.spec().name().replace("-service", "")).append(' ').append(service.state());
			}
			if (this.stopping) {
				return;
			}
			this.console.status(line.toString());
			try {
				Thread.sleep(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private String kafka() {
		if (this.options.kafka() != null) {
			this.console.line("  ✓ kafka            " + this.options.kafka() + " (given, reachable)");
			return this.options.kafka();
		}
		long begin = System.nanoTime();
		this.console.line("  … kafka starting (KRaft broker)");
		KafkaBroker broker = KafkaBroker.start(
				new KafkaBroker.Config(this.options.dataDir().resolve("kafka"), UpOptions.KAFKA_PORT), this::progress);
		this.started.push(broker);
		this.console.ready("kafka", broker.bootstrapServers(), begin);
		return broker.bootstrapServers();
	}

	private String elasticsearch() {
		if (this.options.elasticsearch() != null) {
			String url = this.options.elasticsearch().toString();
			this.console.line("  ✓ elasticsearch    " + url + " (given, reachable)");
			return url;
		}
		long begin = System.nanoTime();
		this.console.line("  … elasticsearch starting (takes 30–60 s)");
		ElasticsearchNode node = ElasticsearchNode.start(new ElasticsearchNode.Config(
				this.options.dataDir().resolve("elasticsearch"), UpOptions.ELASTICSEARCH_PORT, List.of(analysisPlugin()),
				"512m"), this::progress);
		this.started.push(node);
		this.console.ready("elasticsearch", node.httpUrl(), begin);
		return node.httpUrl();
	}

	/**
	 * The analysis plugin's zip, installed into the node that {@code up} starts (again only when it changed).
	 * A given {@code --elasticsearch} must have it installed already.
	 */
	private Path analysisPlugin() {
		Path zip = this.options.home()
			.resolve(ANALYSIS_PLUGIN)
			.resolve("target")
			.resolve(ANALYSIS_PLUGIN + "-0.1.0-SNAPSHOT.zip");
		if (!Files.isRegularFile(zip)) {
			throw new LaunchException("the Elasticsearch analysis plugin is not built (" + zip
					+ " is missing); run ./mvnw -B -DskipTests install");
		}
		return zip;
	}

	private void progress(String line) {
		this.console.line("    " + line);
	}

	private List<ServiceSpec> serviceSpecs(String kafka, String elasticsearch) {
		Path home = this.options.home();
		List<String> common = List.of("--spring.kafka.bootstrap-servers=" + kafka,
				"--spring.elasticsearch.uris=" + elasticsearch);
		List<String> crawler = new ArrayList<>(common);
		crawler.add("--newshound.crawler.state-dir=" + this.options.dataDir().resolve("crawler"));
		if (this.options.sourcesFile() != null) {
			crawler.add("--newshound.crawler.sources=" + this.options.sourcesFile());
		}
		return List.of(spec(home, "indexer-service", UpOptions.INDEXER_PORT, common),
				spec(home, "search-service", UpOptions.SEARCH_PORT, common),
				spec(home, "crawler-service", UpOptions.CRAWLER_PORT, crawler));
	}

	private static ServiceSpec spec(Path home, String name, int port, List<String> arguments) {
		List<String> all = new ArrayList<>(arguments);
		all.add("--server.port=" + port);
		Path jar = home.resolve(name).resolve("target").resolve(name + "-0.1.0-SNAPSHOT-exec.jar");
		return new ServiceSpec(name, port, jar, all);
	}

	private static void requireKafka(String bootstrap) {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) EXTERNAL_CHECK_TIMEOUT.toMillis());
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) EXTERNAL_CHECK_TIMEOUT.toMillis());
		try (Admin admin = Admin.create(properties)) {
			admin.describeCluster().clusterId().get(EXTERNAL_CHECK_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			throw new LaunchException("cannot reach Kafka at " + bootstrap + " within " + EXTERNAL_CHECK_TIMEOUT.toSeconds()
					+ " s; check --kafka (is the broker running and its listener reachable from here?)");
		}
	}

	private static void requireElasticsearch(String url) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(EXTERNAL_CHECK_TIMEOUT).build();
		HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/_cluster/health"))
			.timeout(EXTERNAL_CHECK_TIMEOUT)
			.build();
		try {
			int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status != 200) {
				throw new LaunchException("Elasticsearch at " + url + " answered " + status + " to /_cluster/health");
			}
		}
		catch (IOException ex) {
			throw new LaunchException("cannot reach Elasticsearch at " + url + " (" + ex.getClass().getSimpleName()
					+ "); check --elasticsearch");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchException("interrupted while checking Elasticsearch at " + url);
		}
	}

	private static void requireFreePort(int port, String user) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new LaunchException("port " + port + " (" + user + ") is in use; is Newshound already running? "
					+ "Stop the other program or run ./newshound up elsewhere");
		}
	}

	private static void createDirectories(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new LaunchException("cannot create the data directory " + dir + ": " + ex.getMessage(), ex);
		}
	}

	private static <T> T join(CompletableFuture<T> future) {
		try {
			return future.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** Stops in the reverse order of starting: services first, then the demo site, Elasticsearch and Kafka. */
	private synchronized void stopAll() {
		if (this.started.isEmpty()) {
			return;
		}
		this.stopping = true;
		this.console.line("Newshound: stopping…");
		while (!this.started.isEmpty()) {
			AutoCloseable next = this.started.pop();
			try {
				next.close();
			}
			catch (Exception ex) {
				this.console.line("  ! while stopping: " + ex.getMessage());
			}
		}
		this.console.line("Newshound: stopped.");
	}

}
