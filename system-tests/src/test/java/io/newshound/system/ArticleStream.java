package io.newshound.system;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.newshound.events.ArticleEvent;
import io.newshound.events.EventJson;
import io.newshound.events.Topics;
import io.newshound.stack.junit.LocalStack;

/**
 * A steady stream of articles to {@code news.articles.v1}, as crawlers would publish them: {@code perTick}
 * every 100 ms from a thread of its own, with an idempotent {@code acks=all} producer that rides out a broker
 * restart (it waits up to two minutes for the broker). Counts what Kafka acknowledged, so a test knows what
 * was published at any moment.
 */
final class ArticleStream implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer;

	private final AtomicInteger acknowledged = new AtomicInteger();

	private final AtomicInteger sent = new AtomicInteger();

	private final ConcurrentLinkedQueue<Exception> failures = new ConcurrentLinkedQueue<>();

	ArticleStream(LocalStack stack) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000);
		properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
		properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		properties.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
		this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
	}

	/** Publishes {@code events} in the background; the future completes when Kafka acknowledged the last one. */
	CompletableFuture<Void> publish(List<ArticleEvent> events, int perTick) {
		this.acknowledged.set(0);
		this.sent.set(0);
		return CompletableFuture.runAsync(() -> {
			CountDownLatch all = new CountDownLatch(events.size());
			try {
				for (int from = 0; from < events.size(); from += perTick) {
					long tick = System.nanoTime();
					for (ArticleEvent event : events.subList(from, Math.min(from + perTick, events.size()))) {
						this.producer.send(new ProducerRecord<>(Topics.ARTICLES, event.articleId(), EventJson.write(event)),
								(metadata, failure) -> {
									if (failure == null) {
										this.acknowledged.incrementAndGet();
									}
									else {
										this.failures.add(failure);
									}
									all.countDown();
								});
						this.sent.incrementAndGet();
					}
					long rest = TimeUnit.MILLISECONDS.toNanos(100) - (System.nanoTime() - tick);
					if (rest > 0) {
						TimeUnit.NANOSECONDS.sleep(rest); // pacing the stream, not waiting for a result
					}
				}
				if (!all.await(3, TimeUnit.MINUTES)) {
					throw new IllegalStateException("Kafka acknowledged only " + this.acknowledged.get() + " of "
							+ events.size() + " within 3 minutes");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			if (!this.failures.isEmpty()) {
				throw new IllegalStateException("Kafka refused " + this.failures.size() + " articles: "
						+ this.failures.peek().getMessage(), this.failures.peek());
			}
		});
	}

	/** Articles of the current stream handed to the producer so far, acknowledged or not yet. */
	int sent() {
		return this.sent.get();
	}

	/** Articles of the current stream that Kafka acknowledged so far. */
	int acknowledged() {
		return this.acknowledged.get();
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
	}

}
