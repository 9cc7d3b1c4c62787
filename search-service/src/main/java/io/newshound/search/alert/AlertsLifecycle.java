package io.newshound.search.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newshound.search.alert.delivery.MatchLog;
import io.newshound.search.alert.delivery.webhook.WebhookDeliverer;
import io.newshound.search.alert.matching.IndexedArticleConsumer;
import io.newshound.search.alert.matching.MatchClaims;
import io.newshound.search.alert.subscription.AlertStore;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Starts alerts in the background, so that the search API serves while Kafka or Elasticsearch are still coming up,
 * and in an order that loses no match: the topics and the claims index are made (retried until Kafka and
 * Elasticsearch answer); the subscriptions are read to their end; the match log's reader and the webhook consumer
 * take their positions; only then does the matcher join its group. Each worker runs on a thread of its own and is
 * stopped, and waited for, when the application stops. As a health indicator it reports UNKNOWN while starting (so
 * the service's health is not DOWN because of it), UP with details once every part runs, and DOWN, naming it, when
 * a worker has ended while it should run.
 */
public final class AlertsLifecycle implements SmartLifecycle, HealthIndicator {

	private static final Logger logger = LoggerFactory.getLogger(AlertsLifecycle.class);

	private final AlertProperties properties;

	private final KafkaClients clients;

	private final AlertStore store;

	private final MatchClaims claims;

	private final MatchLog log;

	private final WebhookDeliverer webhooks;

	private final IndexedArticleConsumer matcher;

	private volatile Workers workers = new Workers();

	private volatile boolean running;

	private volatile boolean ready;

	private volatile String phase = "not started";

	public AlertsLifecycle(AlertProperties properties, KafkaClients clients, AlertStore store, MatchClaims claims,
			MatchLog log, WebhookDeliverer webhooks, IndexedArticleConsumer matcher) {
		this.properties = properties;
		this.clients = clients;
		this.store = store;
		this.claims = claims;
		this.log = log;
		this.webhooks = webhooks;
		this.matcher = matcher;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		this.workers = new Workers();
		this.workers.startOnce("alerts-startup", this::startUp);
	}

	private void startUp() {
		try {
			this.phase = "creating topics and the claims index";
			retry(this::createTopicsAndIndex);
			this.phase = "loading alerts";
			this.workers.start("alerts-subscriptions", this.store::follow);
			await(this.store::loaded, null);
			this.phase = "following the match log";
			this.workers.start("alerts-fanout", this.log::follow);
			await(this.log::following, null);
			this.phase = "joining the webhook group";
			this.workers.start("alerts-webhooks", this.webhooks);
			await(this.webhooks::assigned, Duration.ofSeconds(60));
			this.phase = "joining the matcher group";
			this.workers.start("alerts-matcher", this.matcher);
			await(this.matcher::assigned, Duration.ofSeconds(60));
			this.phase = "running";
			this.ready = true;
			logger.info("Alerts running: {} alerts loaded", this.store.size());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void createTopicsAndIndex() throws Exception {
		Map<String, Object> config = this.clients.common("newshound-alert-admin");
		// an unreachable bootstrap address would otherwise make the admin client rebootstrap in a tight loop
		config.put(CommonClientConfigs.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
		try (Admin admin = Admin.create(config)) {
			Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
			List<NewTopic> topics = new ArrayList<>();
			if (!existing.contains(this.properties.subscriptionsTopic())) {
				topics.add(new NewTopic(this.properties.subscriptionsTopic(), this.properties.partitions(), (short) -1)
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
			}
			if (!existing.contains(this.properties.matchesTopic())) {
				topics.add(new NewTopic(this.properties.matchesTopic(), this.properties.partitions(), (short) -1)
					.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG,
							Long.toString(this.properties.matchesRetention().toMillis()))));
			}
			if (!topics.isEmpty()) {
				try {
					admin.createTopics(topics).all().get(10, TimeUnit.SECONDS);
				}
				catch (java.util.concurrent.ExecutionException ex) {
					if (!(ex.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
						throw ex;
					}
				}
			}
		}
		this.claims.createIndex();
	}

	private interface Step {

		void run() throws Exception;

	}

	private void retry(Step step) throws InterruptedException {
		long backoff = 500;
		while (this.running) {
			try {
				step.run();
				return;
			}
			catch (InterruptedException ex) {
				throw ex;
			}
			catch (Exception ex) {
				logger.warn("Alerts cannot start yet ({}), again in {} ms: {}", this.phase, backoff, ex.toString());
				Thread.sleep(backoff);
				backoff = Math.min(backoff * 2, 10_000);
			}
		}
		throw new InterruptedException("stopped");
	}

	private void await(BooleanSupplier condition, Duration limit) throws InterruptedException {
		long deadline = (limit != null) ? System.nanoTime() + limit.toNanos() : Long.MAX_VALUE;
		while (this.running && !condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				logger.warn("Alerts: still {} after {} s; going on", this.phase, limit.toSeconds());
				return;
			}
			Thread.sleep(50);
		}
		if (!this.running) {
			throw new InterruptedException("stopped");
		}
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		this.ready = false;
		this.workers.stopping();
		this.matcher.close();
		this.webhooks.close();
		this.log.close();
		this.store.close();
		this.workers.join("alerts-startup");
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	public boolean ready() {
		return this.ready;
	}

	@Override
	public Health health() {
		Map<String, String> stopped = this.workers.stopped();
		Health.Builder health = !stopped.isEmpty() ? Health.down().withDetail("stopped", stopped)
				: this.ready ? Health.up() : Health.unknown();
		return health.withDetail("phase", this.phase)
			.withDetail("alerts", this.store.size())
			.withDetail("streams", this.log.connections())
			.build();
	}

}
