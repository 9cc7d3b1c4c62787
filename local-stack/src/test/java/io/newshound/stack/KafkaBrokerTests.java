package io.newshound.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class KafkaBrokerTests {

	private static final String TOPIC = "restart-check";

	@TempDir
	Path dataDirectory;

	/** The storage is formatted once; topics and records survive a stop and a start on the same directory. */
	@Test
	void keepsTopicsAndRecordsAcrossRestarts() throws Exception {
		List<String> firstStart = new ArrayList<>();
		try (KafkaBroker broker = KafkaBroker.start(new KafkaBroker.Config(this.dataDirectory, 0), firstStart::add)) {
			try (Admin admin = admin(broker)) {
				admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
			}
			try (KafkaProducer<String, String> producer = producer(broker)) {
				producer.send(new ProducerRecord<>(TOPIC, "article-1", "kept")).get();
			}
		}
		assertThat(firstStart).anyMatch((line) -> line.startsWith("kafka: formatting storage"));

		List<String> secondStart = new ArrayList<>();
		try (KafkaBroker broker = KafkaBroker.start(new KafkaBroker.Config(this.dataDirectory, 0), secondStart::add)) {
			assertThat(secondStart).noneMatch((line) -> line.contains("formatting"))
				.anyMatch((line) -> line.matches("kafka: ready on 127\\.0\\.0\\.1:\\d+ in \\d+\\.\\d s"));
			assertThat(firstRecord(broker).value()).isEqualTo("kept");
		}
	}

	/**
	 * Producers may compress: the broker validates compressed batches, so it needs the codecs that kafka-clients
	 * declares at runtime scope on its classpath (without lz4 it answered "unexpected error").
	 */
	@Test
	void takesBatchesInEveryCompressionCodec() throws Exception {
		try (KafkaBroker broker = KafkaBroker.start(new KafkaBroker.Config(this.dataDirectory, 0), (line) -> {
		})) {
			try (Admin admin = admin(broker)) {
				admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
			}
			List<String> codecs = List.of("lz4", "zstd", "snappy", "gzip");
			for (String codec : codecs) {
				try (KafkaProducer<String, String> producer = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
								ProducerConfig.COMPRESSION_TYPE_CONFIG, codec, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
								30_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000),
						new StringSerializer(), new StringSerializer())) {
					producer.send(new ProducerRecord<>(TOPIC, codec, "compressed with " + codec)).get();
				}
			}
			assertThat(records(broker, codecs.size())).extracting(ConsumerRecord::value)
				.containsExactly("compressed with lz4", "compressed with zstd", "compressed with snappy",
						"compressed with gzip");
		}
	}

	@Test
	void refusesAPortInUse() throws IOException {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
			int port = taken.getLocalPort();

			assertThatExceptionOfType(StackException.class)
				.isThrownBy(() -> KafkaBroker.start(new KafkaBroker.Config(this.dataDirectory, port), (line) -> {
				}))
				.withMessage("kafka: port " + port
						+ " on 127.0.0.1 is already in use; stop what listens there or choose another port");
		}
	}

	private static ConsumerRecord<String, String> firstRecord(KafkaBroker broker) {
		return records(broker, 1).get(0);
	}

	private static List<ConsumerRecord<String, String>> records(KafkaBroker broker, int count) {
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()), new StringDeserializer(),
				new StringDeserializer())) {
			TopicPartition partition = new TopicPartition(TOPIC, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			List<ConsumerRecord<String, String>> records = new ArrayList<>();
			await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
				return records.size() >= count;
			});
			return records;
		}
	}

	private static Admin admin(KafkaBroker broker) {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
	}

	private static KafkaProducer<String, String> producer(KafkaBroker broker) {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
				new StringSerializer(), new StringSerializer());
	}

}
