package io.newshound.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.newshound.events.ArticleEvent;
import io.newshound.events.ArticleIds;
import io.newshound.events.ArticleIndexedEvent;
import io.newshound.events.EventJson;
import io.newshound.events.Topics;
import io.newshound.stack.junit.LocalStack;

import static org.awaitility.Awaitility.await;

/**
 * What the indexer's fault and metrics tests share: events tagged with a source name of their own, a
 * paced publisher, exact counts in Elasticsearch, the indexer group's offsets and its announcements.
 */
final class IndexerTestKit implements AutoCloseable {

	/** The consumer group of every indexer (indexer-service.yml). */
	static final String INDEXER_GROUP = "newshound-indexer";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final LocalStack stack;

	private final KafkaProducer<String, byte[]> producer;

	private final Admin admin;

	IndexerTestKit(LocalStack stack) {
		this.stack = stack;
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
	}

	static String uniqueSource(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** {@code count} distinct articles of {@code source}, each with its own URL and so its own id. */
	static List<ArticleEvent> articles(String source, int count) {
		List<ArticleEvent> articles = new ArrayList<>(count);
		Instant updatedAt = Instant.parse("2026-11-20T08:00:00Z");
		for (int i = 0; i < count; i++) {
			String url = "https://faults.example.test/" + source + "/" + i;
			String title = "Nvidia ships chips to OpenAI, part " + i;
			articles.add(new ArticleEvent(1, ArticleIds.of(url), url, source, title,
					"Jensen Huang said the GPUs for the new data center ship this quarter. Article " + i + ".", null,
					List.of(), updatedAt, updatedAt, updatedAt, "en", null, null, List.of("test"),
					Integer.toHexString(title.hashCode()), null));
		}
		return articles;
	}

	void publish(List<ArticleEvent> events) throws Exception {
		List<Future<?>> sends = new ArrayList<>(events.size());
		for (ArticleEvent event : events) {
			sends.add(this.producer.send(new ProducerRecord<>(Topics.ARTICLES, event.articleId(), EventJson.write(event))));
		}
		for (Future<?> send : sends) {
			send.get(30, TimeUnit.SECONDS);
		}
	}

	void publishRaw(String key, byte[] value) throws Exception {
		this.producer.send(new ProducerRecord<>(Topics.ARTICLES, key, value)).get(30, TimeUnit.SECONDS);
	}

	/**
	 * Publishes the events in the background, {@code perTick} every 100 ms, as a crawler would over
	 * time; the future completes when Kafka acknowledged the last one.
	 */
	CompletableFuture<Void> publishPaced(List<ArticleEvent> events, int perTick) {
		return CompletableFuture.runAsync(() -> {
			try {
				for (int from = 0; from < events.size(); from += perTick) {
					long tick = System.nanoTime();
					publish(events.subList(from, Math.min(from + perTick, events.size())));
					long rest = TimeUnit.MILLISECONDS.toNanos(100) - (System.nanoTime() - tick);
					if (rest > 0) {
						TimeUnit.NANOSECONDS.sleep(rest); // pacing the stream, not waiting for a result
					}
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException("publishing failed: " + ex.getMessage(), ex);
			}
		});
	}

	/** Documents of {@code source} in the {@code news-articles} alias, counted by Elasticsearch. */
	long count(String source) throws IOException, InterruptedException {
		String query = JSON.writeValueAsString(Map.of("query", Map.of("term", Map.of("source", source))));
		JsonNode count = send("POST", "/news-articles/_count", query);
		return count.path("count").asLong(-1);
	}

	JsonNode send(String method, String path, String json) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.stack.elasticsearchUrl() + path))
			.timeout(Duration.ofSeconds(30));
		if (json == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json");
		}
		return JSON.readTree(this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
	}

	/** The indexer group's committed offsets on {@code news.articles.v1}. */
	Map<TopicPartition, Long> committedOffsets() throws ExecutionException, InterruptedException {
		Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(INDEXER_GROUP)
			.partitionsToOffsetAndMetadata()
			.get();
		Map<TopicPartition, Long> offsets = new HashMap<>();
		committed.forEach((partition, offset) -> {
			if (partition.topic().equals(Topics.ARTICLES) && offset != null) {
				offsets.put(partition, offset.offset());
			}
		});
		return offsets;
	}

	/** Records of {@code news.articles.v1} the indexer group has not committed yet: 0 when it consumed everything. */
	long lag() throws ExecutionException, InterruptedException {
		Set<TopicPartition> partitions = this.admin.describeTopics(List.of(Topics.ARTICLES))
			.allTopicNames()
			.get()
			.get(Topics.ARTICLES)
			.partitions()
			.stream()
			.map((info) -> new TopicPartition(Topics.ARTICLES, info.partition()))
			.collect(Collectors.toSet());
		Map<TopicPartition, Long> committed = committedOffsets();
		long lag = 0;
		for (var end : this.admin
			.listOffsets(partitions.stream().collect(Collectors.toMap((p) -> p, (p) -> OffsetSpec.latest())))
			.all()
			.get()
			.entrySet()) {
			lag += end.getValue().offset() - committed.getOrDefault(end.getKey(), 0L);
		}
		return lag;
	}

	/** Waits until the indexer group has committed everything published to {@code news.articles.v1}. */
	void awaitNoLag(Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(this::lag, (lag) -> lag == 0);
	}

	/**
	 * How often each article of {@code source} was announced on {@code news.indexed.v1} since
	 * {@code since}, read until every id of {@code expected} was seen at least once.
	 */
	Map<String, Integer> announcements(String source, Instant since, Set<String> expected, Duration timeout) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.kafkaBootstrapServers());
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		Map<String, Integer> seen = new HashMap<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.INDEXED)
				.stream()
				.map((info) -> new TopicPartition(Topics.INDEXED, info.partition()))
				.toList();
			consumer.assign(partitions);
			Map<TopicPartition, OffsetAndTimestamp> start = consumer
				.offsetsForTimes(partitions.stream().collect(Collectors.toMap((p) -> p, (p) -> since.toEpochMilli())));
			for (TopicPartition partition : partitions) {
				OffsetAndTimestamp offset = start.get(partition);
				if (offset != null) {
					consumer.seek(partition, offset.offset());
				}
				else {
					consumer.seekToEnd(List.of(partition));
				}
			}
			await().atMost(timeout).pollInSameThread().until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					ArticleIndexedEvent event = EventJson.read(record.value(), ArticleIndexedEvent.class);
					if (event.article().source().equals(source)) {
						seen.merge(event.articleId(), 1, Integer::sum);
					}
				}
				return seen.keySet().containsAll(expected);
			});
		}
		return seen;
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
		this.admin.close(Duration.ofSeconds(5));
	}

}
