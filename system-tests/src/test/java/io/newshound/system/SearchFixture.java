package io.newshound.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.newshound.corpus.NewsCorpus;
import io.newshound.events.ArticleEvent;
import io.newshound.events.EventJson;
import io.newshound.events.Topics;
import io.newshound.indexer.IndexerApplication;
import io.newshound.search.SearchApplication;
import io.newshound.stack.junit.LocalStack;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * The generated corpus indexed by the real indexer (events published to {@code news.articles.v1}) and the real
 * search service answering over it. The indexer writes to the shared {@code news-articles} index; the search
 * service reads a filtered alias of it made for this fixture, holding only the corpus sources and the sources the
 * test adds, so that other test classes' articles (and theirs of ours) never mix into relevance, counts or facets.
 * The search service runs on a fixed clock at {@link NewsCorpus#ANCHOR}, the corpus's "now".
 */
final class SearchFixture implements AutoCloseable {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final NewsCorpus CORPUS = NewsCorpus.generate(320);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final LocalStack stack;

	final String alias = "search-it-" + UUID.randomUUID().toString().substring(0, 8);

	private final ConfigurableApplicationContext indexer;

	private final ConfigurableApplicationContext search;

	private final KafkaProducer<String, byte[]> producer;

	/**
	 * Indexes the corpus and starts the search service.
	 * @param extraSources sources this test class publishes besides the corpus's, visible through its alias
	 * @param searchArguments more arguments for the search service
	 */
	SearchFixture(LocalStack stack, Collection<String> extraSources, String... searchArguments) throws Exception {
		this.stack = stack;
		this.indexer = RunningServices.run(IndexerApplication.application(), stack);
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
		String index = await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(this::concreteIndex, (name) -> name != null);
		List<String> sources = new ArrayList<>(NewsCorpus.sources().stream().map((source) -> source.name()).toList());
		sources.addAll(extraSources);
		JsonNode created = elasticsearch("POST", "/_aliases", JSON.writeValueAsString(Map.of("actions",
				List.of(Map.of("add", Map.of("index", index, "alias", this.alias, "filter",
						Map.of("terms", Map.of("source", sources))))))));
		if (!created.path("acknowledged").asBoolean()) {
			throw new IllegalStateException("could not create alias " + this.alias + ": " + created);
		}
		publish(CORPUS.articles());
		awaitCount(CORPUS.articles().size());
		SpringApplication application = SearchApplication.application();
		application.addInitializers((context) -> context.getBeanFactory()
			.registerSingleton("clock", Clock.fixed(NewsCorpus.ANCHOR, ZoneOffset.UTC)));
		List<String> arguments = new ArrayList<>(List.of("--newshound.search.alias=" + this.alias,
				"--newshound.search.rate-limit.requests-per-second=1000", "--newshound.search.rate-limit.burst=1000"));
		arguments.addAll(List.of(searchArguments));
		this.search = RunningServices.run(application, stack, arguments.toArray(String[]::new));
	}

	private String concreteIndex() throws IOException, InterruptedException {
		JsonNode aliases = elasticsearch("GET", "/_alias/news-articles", null);
		if (!aliases.isObject() || aliases.has("error") || aliases.has("status")) {
			return null;
		}
		return aliases.propertyNames().iterator().hasNext() ? aliases.propertyNames().iterator().next() : null;
	}

	void publish(List<ArticleEvent> events) throws Exception {
		List<Future<?>> sends = new ArrayList<>();
		for (ArticleEvent event : events) {
			sends.add(this.producer.send(new ProducerRecord<>(Topics.ARTICLES, event.articleId(), EventJson.write(event))));
		}
		for (Future<?> send : sends) {
			send.get();
		}
	}

	void awaitCount(long expected) {
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> count(Map.of("match_all", Map.of())), (count) -> count >= expected);
	}

	/** What Elasticsearch itself counts in this fixture's alias for a query. */
	long count(Map<String, Object> query) throws IOException, InterruptedException {
		JsonNode count = elasticsearch("POST", "/" + this.alias + "/_count", JSON.writeValueAsString(Map.of("query", query)));
		return count.path("count").asLong(-1);
	}

	JsonNode elasticsearch(String method, String path, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.stack.elasticsearchUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json");
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body());
	}

	/** {@code GET /api/search} with these parameters (names and values, unencoded). */
	Response search(String... parameters) {
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < parameters.length; i += 2) {
			query.append((i == 0) ? "" : "&")
				.append(parameters[i])
				.append('=')
				.append(URLEncoder.encode(parameters[i + 1], StandardCharsets.UTF_8));
		}
		return get("/api/search?" + query);
	}

	/** A 200 search's body; fails with the problem otherwise. */
	JsonNode ok(String... parameters) {
		Response response = search(parameters);
		if (response.status() != 200) {
			throw new AssertionError("search " + List.of(parameters) + " answered " + response.status() + ": " + response.body());
		}
		return response.json();
	}

	Response get(String pathAndQuery) {
		String port = this.search.getEnvironment().getProperty("local.server.port");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Retry-After").orElse(null), response.body());
		}
		catch (java.net.http.HttpTimeoutException ex) {
			throw new IllegalStateException(pathAndQuery + " got no answer in 30 s; the service's threads:\n" + threads(), ex);
		}
		catch (IOException ex) {
			throw new IllegalStateException(pathAndQuery + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Every thread's full stack, for a request that hangs. */
	private static String threads() {
		StringBuilder dump = new StringBuilder();
		for (java.lang.management.ThreadInfo info : java.lang.management.ManagementFactory.getThreadMXBean()
			.dumpAllThreads(true, true)) {
			dump.append(info);
			for (StackTraceElement element : info.getStackTrace()) {
				dump.append("\t\tat ").append(element).append('\n');
			}
		}
		return dump.toString();
	}

	int searchPort() {
		return Integer.parseInt(this.search.getEnvironment().getProperty("local.server.port"));
	}

	@Override
	public void close() throws Exception {
		try {
			elasticsearch("POST", "/_aliases", JSON.writeValueAsString(
					Map.of("actions", List.of(Map.of("remove", Map.of("index", "*", "alias", this.alias))))));
		}
		finally {
			this.producer.close();
			this.search.close();
			this.indexer.close();
		}
	}

	record Response(int status, String contentType, String retryAfter, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}
