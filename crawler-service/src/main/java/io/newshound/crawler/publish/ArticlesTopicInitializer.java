package io.newshound.crawler.publish;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The start-up step that creates {@code news.articles.v1} (the broker does not create topics by
 * itself). It runs in the background and retries with backoff until the broker answers, so a broker
 * that is still starting, or away, neither blocks nor fails the crawler's start: articles wait
 * unpublished and the Kafka health says DOWN meanwhile. A topic that already exists is left as it is.
 */
public final class ArticlesTopicInitializer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ArticlesTopicInitializer.class);

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);

	private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

	private final Map<String, Object> adminConfig;

	private final NewTopic topic;

	private volatile Thread worker;

	private volatile boolean done;

	public ArticlesTopicInitializer(Map<String, Object> adminConfig, NewTopic topic) {
		this.adminConfig = adminConfig;
		this.topic = topic;
	}

	@Override
	public void start() {
		Thread thread = new Thread(this::run, "articles-topic-init");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	/** Whether the topic is known to exist. */
	public boolean isDone() {
		return this.done;
	}

	private void run() {
		Duration backoff = FIRST_BACKOFF;
		int attempt = 0;
		while (!Thread.currentThread().isInterrupted()) {
			attempt++;
			try (AdminClient admin = AdminClient.create(this.adminConfig)) {
				admin.createTopics(List.of(this.topic), new CreateTopicsOptions().timeoutMs(15_000))
					.all()
					.get(20, TimeUnit.SECONDS);
				log.info("Created topic {} ({} partitions, replication {})", this.topic.name(),
						this.topic.numPartitions(), this.topic.replicationFactor());
				this.done = true;
				return;
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof TopicExistsException) {
					log.info("Topic {} exists", this.topic.name());
					this.done = true;
					return;
				}
				log.warn("Cannot create topic {} yet (attempt {}): {}; retrying in {}s", this.topic.name(), attempt,
						ex.getCause(), backoff.toSeconds());
			}
			catch (TimeoutException | org.apache.kafka.common.KafkaException ex) {
				log.warn("Cannot create topic {} yet (attempt {}): broker not reachable at {}; retrying in {}s",
						this.topic.name(), attempt, this.adminConfig.get("bootstrap.servers"), backoff.toSeconds());
			}
			catch (InterruptedException ex) {
				return;
			}
			try {
				Thread.sleep(backoff.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
			backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
		}
	}

	@Override
	public void stop() {
		Thread thread = this.worker;
		if (thread != null) {
			thread.interrupt();
		}
		this.worker = null;
	}

	@Override
	public boolean isRunning() {
		return this.worker != null;
	}

}
