package io.newshound.bench.indexing;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.newshound.bench.stack.BenchException;
import io.newshound.bench.stack.Elasticsearch;
import io.newshound.bench.stack.Pause;
import io.newshound.bench.workload.ArticleProducer;

/**
 * The ceiling of figure 1 that no indexer can pass on this machine: the indexer's finished documents, published
 * to a topic of their own, moved from Kafka into {@code _bulk} by a consumer that does nothing else (no decoding,
 * no enrichment, no announcements), with the indexer's {@code refresh=wait_for}, its consumer settings and its bound
 * on bytes in flight. What this falls short of the baseline is what Kafka on the same cores and streaming with
 * refresh waits cost Elasticsearch; what the indexer falls short of this is its own work.
 */
final class BareConsumerLoad {

	static final String TOPIC = "bench.documents";

	/** The indexer's defaults: {@code newshound.indexer.bulk.max-bytes} and {@code max-in-flight-bytes}. */
	private static final int MAX_REQUEST_BYTES = 5 << 20;

	private static final int MAX_IN_FLIGHT_KB = 40 << 10;

	private final String bootstrap;

	private final Elasticsearch elasticsearch;

	BareConsumerLoad(String bootstrap, Elasticsearch elasticsearch) {
		this.bootstrap = bootstrap;
		this.elasticsearch = elasticsearch;
	}

	/**
	 * Publishes the bulk NDJSON {@code file} to {@link #TOPIC}, one record per document holding its action and source
	 * lines, in 3 partitions as {@code news.articles.v1}.
	 */
	void publish(Path file) {
		ArticleProducer.createTopics(this.bootstrap, List.of(TOPIC));
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		long published = 0;
		AtomicReference<Exception> failure = new AtomicReference<>();
		try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
				KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties, new ByteArraySerializer(),
						new ByteArraySerializer())) {
			awaitLeaders(producer);
			for (String action = lines.readLine(); action != null && failure.get() == null; action = lines.readLine()) {
				String source = lines.readLine();
				if (source == null) {
					throw new BenchException(file + " ends with an action line and no document");
				}
				byte[] value = (action + "\n" + source + "\n").getBytes(StandardCharsets.UTF_8);
				producer.send(new ProducerRecord<>(TOPIC, (int) (published++ % ArticleProducer.PARTITIONS), null, value),
						(metadata, ex) -> failure.compareAndSet(null, ex));
			}
			producer.flush();
		}
		catch (IOException ex) {
			throw new BenchException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
		if (failure.get() != null) {
			throw new BenchException("publishing to " + TOPIC + " failed: " + failure.get(), failure.get());
		}
	}

	/**
	 * Waits until every partition of the new topic has its leader: the broker applies a new topic's metadata after
	 * the controller acknowledged it, and batches sent before were refused, retried out of order and, after the
	 * idempotent producer's sequence checks had refused them for two minutes, lost.
	 */
	private static void awaitLeaders(KafkaProducer<byte[], byte[]> producer) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		List<PartitionInfo> partitions = producer.partitionsFor(TOPIC);
		while (partitions.size() < ArticleProducer.PARTITIONS
				|| partitions.stream().anyMatch((info) -> info.leader() == null)) {
			if (System.nanoTime() > deadline) {
				throw new BenchException("the partitions of " + TOPIC + " have no leader 30 s after it was created");
			}
			Pause.of(Duration.ofMillis(100));
			partitions = producer.partitionsFor(TOPIC);
		}
	}

	/**
	 * Moves {@code size} documents from {@link #TOPIC} into {@code index}: each poll's records cut into bulk requests of
	 * up to 5 MB, sent with {@code refresh=wait_for} while less than 40 MB is in flight. Returns when each request was
	 * answered, from the first poll that returned records.
	 */
	Completions load(String index, long size) {
		ExecutorService senders = Executors.newCachedThreadPool();
		Semaphore inFlightKb = new Semaphore(MAX_IN_FLIGHT_KB);
		List<Future<Long>> sent = new ArrayList<>();
		List<Integer> documents = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
			List<TopicPartition> partitions = consumer.partitionsFor(TOPIC)
				.stream()
				.map((info) -> new TopicPartition(TOPIC, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			long held = consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
			if (held != size) {
				throw new BenchException(TOPIC + " holds " + held + " documents, expected " + size);
			}
			long start = 0;
			long polled = 0;
			long deadline = System.nanoTime() + Duration.ofMinutes(size / 1000 * 2 + 5).toNanos();
			while (polled < size) {
				if (System.nanoTime() > deadline) {
					throw new BenchException("only " + polled + " of " + size + " documents read from " + TOPIC + " in time");
				}
				ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
				if (records.isEmpty()) {
					continue;
				}
				start = (start == 0) ? System.nanoTime() : start;
				ByteArrayOutputStream body = new ByteArrayOutputStream(MAX_REQUEST_BYTES + (64 << 10));
				int inBody = 0;
				for (ConsumerRecord<byte[], byte[]> record : records) {
					if (body.size() + record.value().length > MAX_REQUEST_BYTES && inBody > 0) {
						sent.add(send(senders, inFlightKb, index, body.toByteArray()));
						documents.add(inBody);
						body.reset();
						inBody = 0;
					}
					body.writeBytes(record.value());
					inBody++;
				}
				sent.add(send(senders, inFlightKb, index, body.toByteArray()));
				documents.add(inBody);
				polled += records.count();
			}
			Completions completions = new Completions(start);
			for (int i = 0; i < sent.size(); i++) {
				completions.add(sent.get(i).get(), documents.get(i));
			}
			return completions;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchException("interrupted during the bare consumer's load", ex);
		}
		catch (ExecutionException ex) {
			throw new BenchException("the bare consumer's load failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		finally {
			senders.shutdownNow();
		}
	}

	/** Deletes {@link #TOPIC}, so that its copy of the corpus does not stay on the broker's disk. */
	void deleteTopic() {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		try (Admin admin = Admin.create(properties)) {
			admin.deleteTopics(List.of(TOPIC)).all().get();
		}
		catch (ExecutionException ex) {
			throw new BenchException("cannot delete " + TOPIC + ": " + ex.getCause().getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchException("interrupted while deleting " + TOPIC, ex);
		}
	}

	/**
	 * Sends one request once its kilobytes fit in flight; the future gives the {@link System#nanoTime()} of its
	 * answer.
	 */
	private Future<Long> send(ExecutorService senders, Semaphore inFlightKb, String index, byte[] body)
			throws InterruptedException {
		int kb = Math.min(MAX_IN_FLIGHT_KB, body.length / 1024 + 1);
		inFlightKb.acquire(kb);
		return senders.submit(() -> {
			try {
				this.elasticsearch.bulk(index, body, "refresh=wait_for");
				return System.nanoTime();
			}
			finally {
				inFlightKb.release(kb);
			}
		});
	}

	/** A consumer with the indexer's fetch settings ({@code indexer-service.yml}), outside any group. */
	private KafkaConsumer<byte[], byte[]> consumer() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
		properties.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 128 * 1024);
		properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
		properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 << 20);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

}
