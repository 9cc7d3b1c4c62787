package io.newshound.search.alert.subscription;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An alert as the API shows it. {@code token} and {@code webhook.secret} are present only in the answer to its
 * creation (and a PATCH that sets a new webhook shows the new secret).
 */
public record AlertView(String id, @JsonInclude(JsonInclude.Include.NON_NULL) String token, String name, String query,
		List<String> source, List<String> tag, String lang, boolean oncePerStory, boolean paused, Instant createdAt,
		Instant updatedAt, String streamUrl, String atomUrl, WebhookView webhook) {

	/** A webhook and its delivery state. */
	public record WebhookView(String url, @JsonInclude(JsonInclude.Include.NON_NULL) String secret, String state,
			int consecutiveFailures, Instant lastDeliveryAt, Instant lastFailureAt, String lastError) {
	}

	static AlertView of(Alert alert, String token, boolean showSecret) {
		Alert.Webhook webhook = alert.webhook();
		WebhookView webhookView = (webhook != null) ? new WebhookView(webhook.url(), showSecret ? webhook.secret() : null,
				webhook.state().name(), webhook.consecutiveFailures(), webhook.lastDeliveryAt(), webhook.lastFailureAt(),
				webhook.lastError()) : null;
		String base = "/api/alerts/" + alert.id();
		return new AlertView(alert.id(), token, alert.name(), alert.query(), alert.sources(), alert.tags(),
				alert.language(), alert.oncePerStory(), alert.paused(), alert.createdAt(), alert.updatedAt(),
				base + "/stream", base + "/feed.atom", webhookView);
	}

}
