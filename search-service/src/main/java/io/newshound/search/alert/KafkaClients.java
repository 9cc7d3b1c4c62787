package io.newshound.search.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The Kafka clients of alerts, on the cluster of {@code spring.kafka.bootstrap-servers}: keys are strings (alert or
 * article ids), values JSON bytes. Readers that follow a whole topic (no group) and replay readers see committed
 * records only ({@code read_committed}), because matches are written in transactions.
 */
public final class KafkaClients {

	private static final Duration PARTITIONS_TIMEOUT = Duration.ofSeconds(30);

	private final String bootstrapServers;

	private final String instance = UUID.randomUUID().toString().substring(0, 8);

	public KafkaClients(List<String> bootstrapServers) {
		this.bootstrapServers = String.join(",", bootstrapServers);
	}

	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/** A random name of this process, for client ids and transactional ids that must not collide between instances. */
	public String instance() {
		return this.instance;
	}

	public Map<String, Object> common(String clientId) {
		Map<String, Object> config = new HashMap<>();
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId + "-" + this.instance);
		// back off up to 5 s (not 1 s) from an unreachable cluster: fewer attempts and log lines while it is down
		config.put(CommonClientConfigs.RECONNECT_BACKOFF_MAX_MS_CONFIG, 5000);
		return config;
	}

	public Map<String, Object> producerConfig(String clientId) {
		Map<String, Object> config = common(clientId);
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		return config;
	}

	public Map<String, Object> consumerConfig(String clientId, String groupId) {
		Map<String, Object> config = common(clientId);
		if (groupId != null) {
			config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
		}
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		return config;
	}

	public KafkaProducer<String, byte[]> producer(String clientId) {
		return new KafkaProducer<>(producerConfig(clientId));
	}

	/**
	 * Every partition of {@code topic}, waiting up to 30 s for the broker to know it. A topic just created can be
	 * unknown to the broker for a moment after the controller acknowledged it (its metadata is applied
	 * asynchronously), and the consumer then reports no partitions: assigning none made the alert store's first poll
	 * fail, which stopped alerts from starting (seen once in AlertDeliveryIntegrationTests).
	 * @throws IllegalStateException when the topic still has no partitions after 30 s
	 */
	public static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
		long deadline = System.nanoTime() + PARTITIONS_TIMEOUT.toNanos();
		List<PartitionInfo> infos = consumer.partitionsFor(topic, PARTITIONS_TIMEOUT);
		while (infos.isEmpty()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Kafka knows no partition of topic '" + topic + "' after "
						+ PARTITIONS_TIMEOUT.toSeconds() + " s");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("interrupted while waiting for the partitions of " + topic, ex);
			}
			infos = consumer.partitionsFor(topic, PARTITIONS_TIMEOUT);
		}
		List<TopicPartition> partitions = new ArrayList<>(infos.size());
		for (PartitionInfo info : infos) {
			partitions.add(new TopicPartition(info.topic(), info.partition()));
		}
		return partitions;
	}

	/**
	 * Resolves the positions of newly assigned partitions and commits them where the group has no offset yet: a
	 * group that starts at the end ({@code latest}) then remembers where it started, so that a partition that
	 * received nothing before a restart is not read from its end again, skipping what arrived while the group was
	 * away.
	 */
	public static void pinPositions(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions) {
		if (partitions.isEmpty()) {
			return;
		}
		Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
		Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
		for (TopicPartition partition : partitions) {
			long position = consumer.position(partition);
			if (committed.get(partition) == null) {
				start.put(partition, new OffsetAndMetadata(position));
			}
		}
		if (!start.isEmpty()) {
			consumer.commitSync(start);
		}
	}

	/** A consumer without a group, for readers that assign partitions themselves. */
	public KafkaConsumer<String, byte[]> reader(String clientId) {
		return new KafkaConsumer<>(consumerConfig(clientId, null));
	}

}
