package io.newshound.crawler.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The producer of the frontier and state records (string keys, JSON values), made on first use so
 * that a crawler that never writes opens no connection, and closed with the application.
 */
final class ClusterProducer implements Supplier<Producer<String, String>>, AutoCloseable {

	private final Map<String, Object> config;

	private Producer<String, String> producer;

	private boolean closed;

	ClusterProducer(Map<String, Object> config) {
		this.config = Map.copyOf(config);
	}

	@Override
	public synchronized Producer<String, String> get() {
		if (this.closed) {
			throw new KafkaException("the crawler is stopping: no more Kafka writes");
		}
		if (this.producer == null) {
			this.producer = new KafkaProducer<>(this.config, new StringSerializer(), new StringSerializer());
		}
		return this.producer;
	}

	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.producer != null) {
			this.producer.close(Duration.ofSeconds(10));
		}
	}

}
