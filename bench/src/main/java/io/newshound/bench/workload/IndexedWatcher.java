package io.newshound.bench.workload;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.newshound.events.Topics;

/**
 * Listens to {@code news.indexed.v1}, which the indexer publishes once an article is searchable
 * ({@code refresh=wait_for}), and notes when each article id arrived. Values are not read, not even copied out of
 * the fetched batches: the key is the article id, and copying or parsing 100k full articles would take CPU from the
 * pipeline being measured, which shares the cores.
 */
public final class IndexedWatcher implements AutoCloseable {

	private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

	private final AtomicLong count = new AtomicLong();

	private volatile long firstNanos;

	private volatile long firstPollCount;

	private volatile long lastNanos;

	private volatile boolean running = true;

	private final Thread thread;

	public IndexedWatcher(String bootstrap) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// Kafka's default wait: the broker answers a waiting fetch as soon as a record arrives, so the wait bounds only
		// idle fetching; at 10 ms the idle broker used 0.08–0.11 cores, at the default 0.04–0.06 (figure 1, per-process
		// CPU from /proc while the baseline loads and nothing is announced)
		properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
		KafkaConsumer<String, Void> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new SkippedValue());
		List<TopicPartition> partitions = consumer.partitionsFor(Topics.INDEXED)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		consumer.assign(partitions);
		consumer.seekToEnd(partitions);
		partitions.forEach(consumer::position); // resolve now: only what is indexed from here on counts
		this.thread = new Thread(() -> {
			try (consumer) {
				while (this.running) {
					ConsumerRecords<String, Void> records = consumer.poll(Duration.ofMillis(50));
					long now = System.nanoTime();
					for (ConsumerRecord<String, Void> record : records) {
						this.arrivals.putIfAbsent(record.key(), now);
					}
					if (!records.isEmpty()) {
						if (this.count.get() == 0) {
							this.firstNanos = now;
							this.firstPollCount = records.count();
						}
						this.lastNanos = now;
						this.count.addAndGet(records.count());
					}
				}
			}
		}, "indexed-watcher");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	public long count() {
		return this.count.get();
	}

	/** When the article arrived ({@link System#nanoTime()}), or {@code null}. */
	public Long arrival(String articleId) {
		return this.arrivals.get(articleId);
	}

	/** When each article seen since the last {@link #reset()} arrived ({@link System#nanoTime()}), unordered. */
	public long[] arrivals() {
		return this.arrivals.values().stream().mapToLong(Long::longValue).toArray();
	}

	public long firstNanos() {
		return this.firstNanos;
	}

	/** How many records the first non-empty poll brought (indexed before {@link #firstNanos()} could tell). */
	public long firstPollCount() {
		return this.firstPollCount;
	}

	public long lastNanos() {
		return this.lastNanos;
	}

	/** Forgets everything seen so far: the next measurement starts from zero. */
	public void reset() {
		this.arrivals.clear();
		this.count.set(0);
	}

	@Override
	public void close() {
		this.running = false;
		try {
			this.thread.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Reads no value: the one taking a buffer is what the consumer calls, so nothing is copied. */
	private static final class SkippedValue implements Deserializer<Void> {

		@Override
		public Void deserialize(String topic, byte[] data) {
			return null;
		}

		@Override
		public Void deserialize(String topic, Headers headers, ByteBuffer data) {
			return null;
		}

	}

}
