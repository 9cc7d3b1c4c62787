package io.newshound.crawler.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The start-up step that creates the crawler's topics: {@code news.articles.v1}, and the frontier and
 * state topics when instances share the work (the broker does not create topics by itself). It runs in
 * the background and retries with backoff until the broker answers, so a broker that is still
 * starting, or away, neither blocks nor fails the crawler's start: articles wait unpublished and the
 * Kafka health says DOWN meanwhile. A topic that already exists is left as it is.
 */
public final class TopicsInitializer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TopicsInitializer.class);

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(2);

	private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

	private final Map<String, Object> adminConfig;

	private final List<NewTopic> topics;

	private volatile Thread worker;

	private volatile boolean done;

	public TopicsInitializer(Map<String, Object> adminConfig, List<NewTopic> topics) {
		this.adminConfig = adminConfig;
		this.topics = List.copyOf(topics);
	}

	@Override
	public void start() {
		Thread thread = new Thread(this::run, "topics-init");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	/** Whether every topic is known to exist. */
	public boolean isDone() {
		return this.done;
	}

	private void run() {
		Duration backoff = FIRST_BACKOFF;
		int attempt = 0;
		List<NewTopic> missing = new ArrayList<>(this.topics);
		while (!Thread.currentThread().isInterrupted()) {
			attempt++;
			try (AdminClient admin = AdminClient.create(this.adminConfig)) {
				CreateTopicsResult result = admin.createTopics(missing, new CreateTopicsOptions().timeoutMs(15_000));
				for (Iterator<NewTopic> it = missing.iterator(); it.hasNext();) {
					NewTopic topic = it.next();
					try {
						result.values().get(topic.name()).get(20, TimeUnit.SECONDS);
						log.info("Created topic {} ({} partitions, replication {})", topic.name(), topic.numPartitions(),
								topic.replicationFactor());
						it.remove();
					}
					catch (ExecutionException ex) {
						if (!(ex.getCause() instanceof TopicExistsException)) {
							throw ex;
						}
						log.info("Topic {} exists", topic.name());
						it.remove();
					}
				}
				this.done = true;
				return;
			}
			catch (ExecutionException ex) {
				log.warn("Cannot create topics {} yet (attempt {}): {}; retrying in {}s", names(missing), attempt,
						ex.getCause(), backoff.toSeconds());
			}
			catch (TimeoutException | org.apache.kafka.common.KafkaException ex) {
				log.warn("Cannot create topics {} yet (attempt {}): broker not reachable at {}; retrying in {}s",
						names(missing), attempt, this.adminConfig.get("bootstrap.servers"), backoff.toSeconds());
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

	private static List<String> names(List<NewTopic> topics) {
		return topics.stream().map(NewTopic::name).toList();
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
