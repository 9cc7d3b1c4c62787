package io.newshound.search.alert.subscription;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newshound.events.EventJson;
import io.newshound.search.alert.KafkaClients;

/**
 * Every alert, held in memory by every instance and persisted in a compacted Kafka topic keyed by alert id (a
 * deletion is a tombstone). Each instance follows the whole topic from its beginning (no consumer group), so an
 * alert saved on one instance reaches the matcher of every other within a poll; the instance that saved it applies
 * it at once, when Kafka acknowledged the write. Each alert remembers the offset it was read at, so that an older
 * record read late never replaces a newer one.
 */
public final class AlertStore implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(AlertStore.class);

	private record Versioned(Alert alert, long offset) {
	}

	/** A change: {@code alert} is {@code null} when {@code id} was deleted. */
	public record Change(String id, Alert alert) {
	}

	private final Map<String, Versioned> alerts = new ConcurrentHashMap<>();

	/** Offsets of tombstones, so that a late record does not resurrect a deleted alert. */
	private final Map<String, Long> deleted = new ConcurrentHashMap<>();

	private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();

	private final KafkaClients clients;

	private final String topic;

	private final KafkaProducer<String, byte[]> producer;

	private volatile KafkaConsumer<String, byte[]> reader;

	private volatile boolean loaded;

	private volatile boolean closed;

	public AlertStore(KafkaClients clients, String topic) {
		this.clients = clients;
		this.topic = topic;
		this.producer = clients.producer("newshound-alert-store");
	}

	/** Called with every change after it was applied, on the reading thread or the saving one. */
	public void onChange(Consumer<Change> listener) {
		this.listeners.add(listener);
	}

	/** Whether the topic was read to its end once, so that {@link #get} knows every alert. */
	public boolean loaded() {
		return this.loaded;
	}

	public Alert get(String id) {
		Versioned versioned = this.alerts.get(id);
		return (versioned != null) ? versioned.alert() : null;
	}

	public Collection<Alert> all() {
		return this.alerts.values().stream().map(Versioned::alert).toList();
	}

	public int size() {
		return this.alerts.size();
	}

	/** Writes the alert; completes with it when Kafka acknowledged and this instance applied it. */
	public CompletableFuture<Alert> save(Alert alert) {
		CompletableFuture<Alert> saved = new CompletableFuture<>();
		this.producer.send(new ProducerRecord<>(this.topic, alert.id(), EventJson.write(alert)), (metadata, ex) -> {
			if (ex != null) {
				saved.completeExceptionally(ex);
				return;
			}
			apply(alert.id(), alert, metadata.offset());
			saved.complete(alert);
		});
		return saved;
	}

	/** Writes a tombstone; completes when Kafka acknowledged and this instance forgot the alert. */
	public CompletableFuture<Void> delete(String id) {
		CompletableFuture<Void> done = new CompletableFuture<>();
		this.producer.send(new ProducerRecord<>(this.topic, id, null), (metadata, ex) -> {
			if (ex != null) {
				done.completeExceptionally(ex);
				return;
			}
			apply(id, null, metadata.offset());
			done.complete(null);
		});
		return done;
	}

	/**
	 * Reads the topic from its beginning on the calling thread until {@link #close()}: marks the store loaded when it
	 * reached the end offsets seen at the start. Call from a thread of its own.
	 */
	public void follow() {
		try (KafkaConsumer<String, byte[]> consumer = this.clients.reader("newshound-alert-store-reader")) {
			this.reader = consumer;
			if (this.closed) {
				return;
			}
			List<TopicPartition> partitions = KafkaClients.partitions(consumer, this.topic);
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			while (!this.closed) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					Alert alert = null;
					if (record.value() != null) {
						try {
							alert = EventJson.read(record.value(), Alert.class);
						}
						catch (RuntimeException ex) {
							logger.error("Skipping an unreadable alert at {}-{}@{}: {}", record.topic(),
									record.partition(), record.offset(), ex.getMessage());
							continue;
						}
					}
					apply(record.key(), alert, record.offset());
				}
				if (!this.loaded && ends.entrySet().stream().allMatch((end) -> consumer.position(end.getKey()) >= end.getValue())) {
					this.loaded = true;
					logger.info("Alerts loaded: {}", this.alerts.size());
				}
			}
		}
		catch (WakeupException ex) {
			if (!this.closed) {
				throw ex;
			}
		}
	}

	private synchronized void apply(String id, Alert alert, long offset) {
		if (id == null) {
			return;
		}
		Versioned current = this.alerts.get(id);
		long newest = Math.max((current != null) ? current.offset() : -1, this.deleted.getOrDefault(id, -1L));
		if (offset < newest) {
			return;
		}
		if (alert == null) {
			this.alerts.remove(id);
			this.deleted.put(id, offset);
		}
		else {
			this.alerts.put(id, new Versioned(alert, offset));
		}
		Change change = new Change(id, alert);
		for (Consumer<Change> listener : this.listeners) {
			try {
				listener.accept(change);
			}
			catch (RuntimeException ex) {
				logger.error("An alert listener failed on {}", id, ex);
			}
		}
	}

	@Override
	public void close() {
		this.closed = true;
		KafkaConsumer<String, byte[]> consumer = this.reader;
		if (consumer != null) {
			consumer.wakeup();
		}
		this.producer.close(Duration.ofSeconds(5));
	}

}
