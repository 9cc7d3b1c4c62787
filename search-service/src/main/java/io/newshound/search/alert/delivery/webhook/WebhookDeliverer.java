package io.newshound.search.alert.delivery.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newshound.events.EventJson;
import io.newshound.search.alert.AlertProperties;
import io.newshound.search.alert.KafkaClients;
import io.newshound.search.alert.delivery.AlertMatch;
import io.newshound.search.alert.subscription.Alert;
import io.newshound.search.alert.subscription.AlertStore;

/**
 * Calls the webhooks of matches: a consumer group over the match log shared by every instance, so each match is
 * POSTed by one of them, at least once (offsets are committed after the calls; a receiver recognises a repeat by
 * {@code matchId}, also sent as {@code X-Newshound-Delivery}). A call is JSON, signed ({@link WebhookSigner}), with a
 * timeout, no redirects, to an address checked again by {@link WebhookTargets}; it is retried with exponential
 * backoff, and after {@code disableAfter} consecutive failed deliveries the webhook is disabled, which the alert
 * shows. Runs on a thread of its own; a slow receiver delays the webhooks behind it in its partition, which the
 * timeout, the retry limit and disabling bound.
 */
public final class WebhookDeliverer implements Runnable, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(WebhookDeliverer.class);

	private final KafkaClients clients;

	private final AlertProperties properties;

	private final AlertStore store;

	private final WebhookTargets targets;

	private final Clock clock;

	private final MeterRegistry meters;

	private final HttpClient http;

	private volatile KafkaConsumer<String, byte[]> consumer;

	private volatile boolean closed;

	private volatile boolean assigned;

	public WebhookDeliverer(KafkaClients clients, AlertProperties properties, AlertStore store, WebhookTargets targets,
			Clock clock, MeterRegistry meters) {
		this.clients = clients;
		this.properties = properties;
		this.store = store;
		this.targets = targets;
		this.clock = clock;
		this.meters = meters;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.webhook().timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	public boolean assigned() {
		return this.assigned;
	}

	@Override
	public void run() {
		try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(
				this.clients.consumerConfig("newshound-alert-webhooks", this.properties.webhookGroup()))) {
			this.consumer = kafka;
			if (this.closed) {
				return;
			}
			kafka.subscribe(List.of(this.properties.matchesTopic()), new ConsumerRebalanceListener() {

				@Override
				public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
				}

				@Override
				public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
					// resolve "latest" now and remember it, so that what arrives from here on is read, also after a restart
					KafkaClients.pinPositions(kafka, partitions);
					WebhookDeliverer.this.assigned = true;
				}

			});
			while (!this.closed) {
				var records = kafka.poll(Duration.ofMillis(500));
				for (ConsumerRecord<String, byte[]> record : records) {
					deliver(record);
				}
				if (!records.isEmpty()) {
					commit(kafka);
				}
			}
		}
		catch (WakeupException ex) {
			if (!this.closed) {
				throw ex;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * A commit that fails (Kafka away for longer than the API timeout, or the group rebalanced meanwhile) is logged,
	 * not fatal: it used to end the thread, and every webhook with it. The records are delivered again later, as at
	 * least once allows (receivers dedupe on {@code matchId}).
	 */
	private static void commit(KafkaConsumer<String, byte[]> kafka) {
		try {
			kafka.commitSync();
		}
		catch (WakeupException | org.apache.kafka.common.errors.InterruptException ex) {
			throw ex;
		}
		catch (org.apache.kafka.common.KafkaException ex) {
			logger.warn("Committing delivered webhooks failed; they may be delivered again: {}", ex.getMessage());
		}
	}

	private void deliver(ConsumerRecord<String, byte[]> record) throws InterruptedException {
		Alert alert = this.store.get(record.key());
		if (alert == null || alert.webhook() == null || alert.webhook().state() != Alert.WebhookState.ACTIVE) {
			return;
		}
		AlertMatch match;
		try {
			match = EventJson.read(record.value(), AlertMatch.class);
		}
		catch (RuntimeException ex) {
			logger.error("Skipping an unreadable match at {}@{}: {}", record.partition(), record.offset(), ex.getMessage());
			return;
		}
		Alert.Webhook webhook = alert.webhook();
		String error = null;
		Duration backoff = this.properties.webhook().initialBackoff();
		for (int attempt = 1; attempt <= this.properties.webhook().attempts() && !this.closed; attempt++) {
			error = call(webhook, match, record.value());
			if (error == null) {
				break;
			}
			if (attempt < this.properties.webhook().attempts()) {
				Thread.sleep(backoff.toMillis());
				backoff = backoff.multipliedBy(2);
				if (backoff.compareTo(this.properties.webhook().maxBackoff()) > 0) {
					backoff = this.properties.webhook().maxBackoff();
				}
			}
		}
		this.meters.counter("newshound.alerts.webhook.deliveries", "outcome", (error == null) ? "delivered" : "failed")
			.increment();
		record(alert.id(), error);
	}

	/** One call; the reason it failed, or {@code null}. */
	private String call(Alert.Webhook webhook, AlertMatch match, byte[] body) throws InterruptedException {
		URI target;
		try {
			target = this.targets.check(webhook.url());
		}
		catch (WebhookTargets.RefusedTarget ex) {
			return "the URL " + ex.getMessage();
		}
		long now = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(target)
			.timeout(this.properties.webhook().timeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Newshound-Webhook/1")
			.header("X-Newshound-Delivery", match.matchId())
			.header(WebhookSigner.HEADER, WebhookSigner.signature(webhook.secret(), now, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			return (status >= 200 && status < 300) ? null : "the receiver answered " + status;
		}
		catch (IOException ex) {
			return "the call failed: " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? " " + ex.getMessage() : "");
		}
	}

	/** Saves the webhook's state when it changed (a failure, a first success, a success after failures). */
	private void record(String alertId, String error) {
		Alert current = this.store.get(alertId);
		if (current == null || current.webhook() == null) {
			return;
		}
		Alert.Webhook webhook = current.webhook();
		Instant now = this.clock.instant();
		Alert.Webhook next;
		if (error == null) {
			if (webhook.consecutiveFailures() == 0 && webhook.lastDeliveryAt() != null
					&& webhook.lastDeliveryAt().isAfter(now.minus(Duration.ofMinutes(1)))) {
				return;
			}
			next = new Alert.Webhook(webhook.url(), webhook.secret(), webhook.state(), 0, now, webhook.lastFailureAt(),
					webhook.lastError());
		}
		else {
			int failures = webhook.consecutiveFailures() + 1;
			Alert.WebhookState state = (failures >= this.properties.webhook().disableAfter())
					? Alert.WebhookState.DISABLED : webhook.state();
			if (state == Alert.WebhookState.DISABLED) {
				logger.warn("Webhook of alert {} disabled after {} failed deliveries: {}", alertId, failures, error);
			}
			next = new Alert.Webhook(webhook.url(), webhook.secret(), state, failures, webhook.lastDeliveryAt(), now,
					error);
		}
		try {
			this.store.save(current.withWebhook(next)).get(java.util.concurrent.TimeUnit.SECONDS.toMillis(10),
					java.util.concurrent.TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
			logger.warn("Could not save the webhook state of alert {}: {}", alertId, ex.toString());
		}
	}

	@Override
	public void close() {
		this.closed = true;
		KafkaConsumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
	}

}
