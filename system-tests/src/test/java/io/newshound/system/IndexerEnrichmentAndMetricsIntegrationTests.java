package io.newshound.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.newshound.events.ArticleEvent;
import io.newshound.events.ArticleIds;
import io.newshound.indexer.IndexerApplication;
import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackTest;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the indexer adds to each document (tags, entities, evidence, language) and what it reports on
 * {@code /actuator/prometheus}, on the shared broker and node with the indexer running in this JVM.
 */
@LocalStackTest
class IndexerEnrichmentAndMetricsIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static LocalStack stack;

	static IndexerTestKit kit;

	static ConfigurableApplicationContext indexer;

	@BeforeAll
	static void startIndexer(LocalStack localStack) {
		stack = localStack;
		kit = new IndexerTestKit(stack);
		indexer = RunningServices.run(IndexerApplication.application(), stack);
		KafkaListenerEndpointRegistry registry = indexer.getBean(KafkaListenerEndpointRegistry.class);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> registry.getListenerContainer("article-indexer").isRunning());
	}

	@AfterAll
	static void stopIndexer() {
		if (indexer != null) {
			indexer.close();
		}
		if (kit != null) {
			kit.close();
		}
	}

	/**
	 * An article is stored with the source's tags and its topic tags, the entities it names, the words
	 * that triggered each, and a detected language when the event had none.
	 */
	@Test
	void documentsCarryTagsEntitiesEvidenceAndLanguage() throws Exception {
		String source = IndexerTestKit.uniqueSource("enrich");
		String url = "https://enrich.example.test/" + source;
		Instant now = Instant.parse("2026-11-21T09:00:00Z");
		ArticleEvent event = new ArticleEvent(1, ArticleIds.of(url), url, source,
				"Anthropic raises Series F as Claude usage grows",
				"Dario Amodei told investors the funding round values the company at a record valuation. "
						+ "Amazon and Google also invested.",
				null, List.of(), now, now, now, null, null, null, List.of("ai-labs"), "hash", null);
		kit.publish(List.of(event));
		await().atMost(Duration.ofSeconds(60)).until(() -> kit.count(source), (count) -> count == 1);

		JsonNode document = kit.send("GET", "/news-articles/_doc/" + event.articleId(), null).path("_source");
		assertThat(strings(document.path("tags"))).containsExactly("ai-labs", "funding");
		assertThat(strings(document.path("entities"))).containsExactly("Anthropic", "Claude", "Dario Amodei", "Amazon",
				"Google");
		assertThat(document.path("language").asString()).isEqualTo("en");
		JsonNode funding = null;
		for (JsonNode evidence : document.path("evidence")) {
			if (evidence.path("name").asString().equals("funding")) {
				funding = evidence;
			}
		}
		assertThat(funding).as("evidence for the funding tag in %s", document).isNotNull();
		assertThat(strings(funding.path("terms"))).containsExactly("Series F", "funding round", "valuation");
		assertThat(funding.path("mentions").asInt()).isEqualTo(3);
		assertThat(strings(funding.path("fields"))).containsExactly("title", "body");
	}

	/**
	 * After indexing, {@code /actuator/prometheus} shows documents by outcome (a counter to rate for
	 * documents per second), bulk latency, failures by kind, and the Kafka consumer's lag.
	 */
	@Test
	void metricsAppearAfterIndexing() throws Exception {
		String source = IndexerTestKit.uniqueSource("metrics");
		kit.publish(IndexerTestKit.articles(source, 25));
		kit.publishRaw("poison-" + source, "{not json".getBytes(StandardCharsets.UTF_8));
		await().atMost(Duration.ofSeconds(60)).until(() -> kit.count(source), (count) -> count == 25);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> value(scrape(), "newshound_indexer_failures_total", "kind=\"dead_lettered\""),
					(value) -> value >= 1);

		String metrics = scrape();
		assertThat(value(metrics, "newshound_indexer_documents_total", "outcome=\"indexed\"")).isGreaterThanOrEqualTo(25);
		assertThat(value(metrics, "newshound_indexer_documents_total", "outcome=\"dead_lettered\"")).isGreaterThanOrEqualTo(1);
		assertThat(value(metrics, "newshound_indexer_failures_total", "kind=\"transient\"")).isGreaterThanOrEqualTo(0);
		assertThat(value(metrics, "newshound_indexer_failures_total", "kind=\"permanent\"")).isGreaterThanOrEqualTo(1);
		assertThat(value(metrics, "newshound_indexer_bulk_latency_seconds_count", "")).isGreaterThanOrEqualTo(1);
		assertThat(metrics).contains("newshound_indexer_bulk_latency_seconds_bucket{");
		assertThat(metrics).as("consumer lag bound to Micrometer")
			.containsPattern("(?m)^kafka_consumer_fetch_manager_records_lag_max\\{[^}]*client_id=\"[^\"]+\"[^}]*} ");
	}

	private static String scrape() throws IOException, InterruptedException {
		String port = indexer.getEnvironment().getProperty("local.server.port");
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/** The value of the first sample of {@code name} whose labels contain {@code label}; -1 when there is none. */
	private static double value(String metrics, String name, String label) {
		Matcher sample = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)").matcher(metrics);
		while (sample.find()) {
			String labels = (sample.group(1) != null) ? sample.group(1) : "";
			if (labels.contains(label)) {
				return Double.parseDouble(sample.group(2));
			}
		}
		return -1;
	}

	private static List<String> strings(JsonNode array) {
		return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
	}

}
