package io.newshound.search.alert.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newshound.events.EventJson;
import io.newshound.search.alert.KafkaClients;

/**
 * The match log ({@code alerts.matches.v1}) as this instance sees it: {@link #follow()} reads every partition from the
 * end it found at start-up (no consumer group: every instance reads every match) and hands each match to the
 * streams of its alert connected here; {@link #replay} reads what an alert had after a given event id, for a
 * reconnecting stream. Only committed records are read.
 */
public final class MatchLog implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(MatchLog.class);

	private final KafkaClients clients;

	private final String topic;

	private final Map<String, Set<Consumer<StreamedMatch>>> listeners = new ConcurrentHashMap<>();

	private volatile KafkaConsumer<String, byte[]> follower;

	private volatile boolean following;

	private volatile boolean closed;

	public MatchLog(KafkaClients clients, String topic) {
		this.clients = clients;
		this.topic = topic;
	}

	/** Registers a stream of one alert; the returned handle unregisters it. */
	public Runnable listen(String alertId, Consumer<StreamedMatch> listener) {
		this.listeners.computeIfAbsent(alertId, (id) -> ConcurrentHashMap.newKeySet()).add(listener);
		return () -> this.listeners.computeIfPresent(alertId, (id, set) -> {
			set.remove(listener);
			return set.isEmpty() ? null : set;
		});
	}

	/** Connected streams, over every alert. */
	public int connections() {
		return this.listeners.values().stream().mapToInt(Set::size).sum();
	}

	/** Whether {@link #follow()} has its positions, so that every match committed from now on is seen. */
	public boolean following() {
		return this.following;
	}

	/** Reads the log on the calling thread until {@link #close()}. */
	public void follow() {
		try (KafkaConsumer<String, byte[]> consumer = this.clients.reader("newshound-alert-fanout")) {
			this.follower = consumer;
			if (this.closed) {
				return;
			}
			List<TopicPartition> partitions = KafkaClients.partitions(consumer, this.topic);
			consumer.assign(partitions);
			consumer.seekToEnd(partitions);
			partitions.forEach(consumer::position);
			this.following = true;
			while (!this.closed) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					Set<Consumer<StreamedMatch>> streams = this.listeners.get(record.key());
					if (streams == null || streams.isEmpty()) {
						continue;
					}
					StreamedMatch match = read(record);
					if (match != null) {
						streams.forEach((stream) -> stream.accept(match));
					}
				}
			}
		}
		catch (WakeupException ex) {
			if (!this.closed) {
				throw ex;
			}
		}
	}

	/**
	 * The alert's matches after an event id, up to the log's end now; blocking (call on a thread that may block).
	 * @param limit most matches returned (the oldest ones are returned first)
	 */
	public List<StreamedMatch> replay(String alertId, int partition, long afterOffset, int limit) {
		List<StreamedMatch> matches = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = this.clients.reader("newshound-alert-replay")) {
			TopicPartition topicPartition = new TopicPartition(this.topic, partition);
			if (KafkaClients.partitions(consumer, this.topic).stream().noneMatch(topicPartition::equals)) {
				return matches;
			}
			consumer.assign(List.of(topicPartition));
			long end = consumer.endOffsets(List.of(topicPartition)).get(topicPartition);
			long start = Math.max(afterOffset + 1, consumer.beginningOffsets(List.of(topicPartition)).get(topicPartition));
			if (start >= end) {
				return matches;
			}
			consumer.seek(topicPartition, start);
			while (consumer.position(topicPartition) < end && matches.size() < limit) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.offset() < end && alertId.equals(record.key())) {
						StreamedMatch match = read(record);
						if (match != null && matches.size() < limit) {
							matches.add(match);
						}
					}
				}
			}
		}
		return matches;
	}

	private static StreamedMatch read(ConsumerRecord<String, byte[]> record) {
		try {
			return new StreamedMatch(record.partition(), record.offset(), EventJson.read(record.value(), AlertMatch.class));
		}
		catch (RuntimeException ex) {
			logger.error("Skipping an unreadable match at {}-{}@{}: {}", record.topic(), record.partition(),
					record.offset(), ex.getMessage());
			return null;
		}
	}

	@Override
	public void close() {
		this.closed = true;
		KafkaConsumer<String, byte[]> consumer = this.follower;
		if (consumer != null) {
			consumer.wakeup();
		}
	}

}
