package io.newshound.system;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

import io.newshound.events.Topics;
import io.newshound.stack.junit.LocalStack;

import static org.awaitility.Awaitility.await;

/**
 * Counts an alert's deliveries where every delivery comes from: the committed records of the match log
 * ({@code alerts.matches.v1}, keyed by alert id). The SSE streams (live and {@code Last-Event-ID} replay) and the
 * webhooks all read that log, so a record there is a delivery on every channel, a second record for the same
 * article a duplicate on every channel; records of aborted transactions are never read by them (they read
 * {@code read_committed}), nor here. The Atom feed is not counted: it lists the claims index, whose document ids
 * dedupe by construction and so could not show a duplicate.
 */
final class AlertMatchLog implements AutoCloseable {

	/** The search service's defaults (AlertProperties). */
	static final String MATCHES_TOPIC = "alerts.matches.v1";

	static final String MATCHER_GROUP = "newshound-alert-matcher";

	private final LocalStack stack;

	private final Admin admin;

	AlertMatchLog(LocalStack stack) {
		this.stack = stack;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()));
	}

	/** Deliveries against the articles expected to match. */
	record Tally(Set<String> expected, Map<String, Integer> delivered) {

		/** Expected articles with no delivery. */
		long lost() {
			return this.expected.stream().filter((id) -> !this.delivered.containsKey(id)).count();
		}

		/** Deliveries beyond the first of each article. */
		long duplicated() {
			return this.delivered.values().stream().mapToLong(Integer::longValue).sum() - this.delivered.size();
		}

		/** Articles delivered that should not have matched. */
		long unexpected() {
			return this.delivered.keySet().stream().filter((id) -> !this.expected.contains(id)).count();
		}

	}

	/**
	 * Waits until the matcher group has committed every announcement on {@code news.indexed.v1} (it commits its
	 * offsets in the transaction that writes the matches, so every match is then in the log) and no transaction on
	 * the match log is open (a killed instance's transaction is aborted by the broker after its timeout; until then
	 * it hides what was committed after it), then reads the whole log.
	 */
	Tally settledTally(String alertId, String source, Set<String> expected, Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofSeconds(1)).until(this::settled);
		return new Tally(expected, deliveries(alertId, source));
	}

	private boolean settled() throws ExecutionException, InterruptedException {
		Map<TopicPartition, Long> announced = ends(Topics.INDEXED, IsolationLevel.READ_UNCOMMITTED);
		Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(MATCHER_GROUP)
			.partitionsToOffsetAndMetadata()
			.get();
		for (Map.Entry<TopicPartition, Long> end : announced.entrySet()) {
			OffsetAndMetadata offset = committed.get(end.getKey());
			if (end.getValue() > 0 && (offset == null || offset.offset() < end.getValue())) {
				return false;
			}
		}
		return ends(MATCHES_TOPIC, IsolationLevel.READ_COMMITTED)
			.equals(ends(MATCHES_TOPIC, IsolationLevel.READ_UNCOMMITTED));
	}

	private Map<TopicPartition, Long> ends(String topic, IsolationLevel isolation)
			throws ExecutionException, InterruptedException {
		List<TopicPartition> partitions = this.admin.describeTopics(List.of(topic))
			.allTopicNames()
			.get()
			.get(topic)
			.partitions()
			.stream()
			.map((info) -> new TopicPartition(topic, info.partition()))
			.toList();
		Map<TopicPartition, Long> ends = new HashMap<>();
		this.admin
			.listOffsets(partitions.stream().collect(Collectors.toMap((p) -> p, (p) -> OffsetSpec.latest())),
					new ListOffsetsOptions(isolation))
			.all()
			.get()
			.forEach((partition, info) -> ends.put(partition, info.offset()));
		return ends;
	}

	/** Each article of {@code source} delivered for the alert, and how often: the log from its start to its end now. */
	Map<String, Integer> deliveries(String alertId, String source) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.stack.kafkaBootstrapServers());
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
		Map<String, Integer> delivered = new HashMap<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(MATCHES_TOPIC, Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(MATCHES_TOPIC, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					TopicPartition partition = new TopicPartition(record.topic(), record.partition());
					if (record.offset() >= end.get(partition) || !alertId.equals(record.key()) || record.value() == null) {
						continue;
					}
					JsonNode match = AlertKit.JSON.readTree(record.value());
					if (match.path("source").asString().equals(source)) {
						delivered.merge(match.path("articleId").asString(), 1, Integer::sum);
					}
				}
			}
		}
		return delivered;
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(5));
	}

}
