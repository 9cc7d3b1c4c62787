package io.newshound.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.newshound.events.ArticleEvent;
import io.newshound.events.ArticleIds;
import io.newshound.events.EventJson;
import io.newshound.events.Topics;
import io.newshound.indexer.IndexerApplication;
import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackTest;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The indexer's delivery guarantees on a real broker and a real node. Each test tags its events
 * with its own source name and counts only those, so tests sharing the topic do not disturb each other.
 */
@LocalStackTest
class IndexerDeliveryIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	static LocalStack stack;

	static ConfigurableApplicationContext indexer;

	static KafkaProducer<String, byte[]> producer;

	@BeforeAll
	static void startIndexer(LocalStack localStack) {
		stack = localStack;
		indexer = RunningServices.run(IndexerApplication.application(), stack);
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
	}

	@AfterAll
	static void stopIndexer() {
		if (producer != null) {
			producer.close();
		}
		if (indexer != null) {
			indexer.close();
		}
	}

	/** The same 1,000 events published twice make 1,000 documents. */
	@Test
	void replayedEventsMakeNoDuplicates() throws Exception {
		String source = uniqueSource();
		List<ArticleEvent> events = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			events.add(article(source, "https://replay.example.test/" + source + "/" + i, "Article " + i,
					Instant.parse("2026-11-01T00:00:00Z")));
		}
		publish(events);
		publish(events);
		awaitCount(source, 1000);
		String marker = uniqueSource();
		publish(List.of(article(marker, "https://replay.example.test/" + marker, "marker", Instant.now())));
		awaitCount(marker, 1);
		assertThat(count(source)).isEqualTo(1000);
	}

	/** An older version published after a newer one leaves the newer document in place. */
	@Test
	void olderVersionNeverOverwritesNewer() throws Exception {
		String source = uniqueSource();
		String url = "https://versions.example.test/" + source;
		Instant older = Instant.parse("2026-11-10T08:00:00Z");
		publish(List.of(article(source, url, "Newer headline", older.plusSeconds(3600))));
		publish(List.of(article(source, url, "Older headline", older)));
		String marker = uniqueSource();
		publish(List.of(article(marker, "https://versions.example.test/" + marker, "marker", Instant.now())));
		awaitCount(marker, 1);
		JsonNode document = get("/news-articles/_doc/" + ArticleIds.of(url));
		assertThat(document.path("_source").path("title").asString()).isEqualTo("Newer headline");
	}

	/** A poison message goes to the dead-letter topic with its reason, and the events after it are indexed. */
	@Test
	void poisonMessageIsDeadLetteredAndTheStreamGoesOn() throws Exception {
		String source = uniqueSource();
		String poisonKey = "poison-" + source;
		producer.send(new ProducerRecord<>(Topics.ARTICLES, poisonKey, "{not json".getBytes(StandardCharsets.UTF_8)))
			.get();
		ArticleEvent unmappable = new ArticleEvent(1, ArticleIds.of("https://poison.example.test/" + source),
				"https://poison.example.test/" + source, source, "Unmappable date", "body", null, null,
				Instant.parse("+300000-01-01T00:00:00Z"), Instant.parse("2026-11-10T08:00:00Z"), Instant.now(), "en",
				null, null, null, "hash", null);
		publish(List.of(unmappable));
		List<ArticleEvent> after = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			after.add(article(source, "https://poison.example.test/" + source + "/" + i, "After poison " + i,
					Instant.now()));
		}
		publish(after);
		awaitCount(source, 10);

		Map<String, String> reasons = deadLetterReasons(List.of(poisonKey, unmappable.articleId()));
		assertThat(reasons.get(poisonKey)).contains("not a valid ArticleEvent");
		assertThat(reasons.get(unmappable.articleId())).contains("elasticsearch refused the document (400)");
	}

	private static Map<String, String> deadLetterReasons(List<String> keys) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		Map<String, String> reasons = new java.util.HashMap<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.ARTICLES_DLT));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (keys.contains(record.key())) {
						reasons.put(record.key(), new String(
								record.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8));
					}
				}
				return reasons.keySet().containsAll(keys);
			});
		}
		return reasons;
	}

	private static ArticleEvent article(String source, String url, String title, Instant updatedAt) {
		return new ArticleEvent(1, ArticleIds.of(url), url, source, title, "Body of " + title, null, List.of(),
				updatedAt, updatedAt, updatedAt, "en", null, null, List.of(), Integer.toHexString(title.hashCode()),
				null);
	}

	private static void publish(List<ArticleEvent> events) throws Exception {
		List<Future<?>> sends = new ArrayList<>();
		for (ArticleEvent event : events) {
			sends.add(producer.send(new ProducerRecord<>(Topics.ARTICLES, event.articleId(), EventJson.write(event))));
		}
		for (Future<?> send : sends) {
			send.get();
		}
	}

	private static void awaitCount(String source, long expected) {
		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> count(source), (count) -> count >= expected);
	}

	private static long count(String source) throws IOException, InterruptedException {
		JsonNode count = get("/news-articles/_count?q=source:" + source);
		return count.path("count").asLong(-1);
	}

	private static JsonNode get(String path) throws IOException, InterruptedException {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body());
	}

	private static String uniqueSource() {
		return "test-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
