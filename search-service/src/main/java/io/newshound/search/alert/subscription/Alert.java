package io.newshound.search.alert.subscription;

import java.time.Instant;
import java.util.List;

/**
 * A saved query, as stored (keyed by {@link #id}) in the subscriptions topic. Holds the hash of its token, never the
 * token.
 *
 * @param tokenHash base64url SHA-256 of the token
 * @param query the query as typed, in the search syntax (validated when saved)
 * @param sources sources any of which an article must come from (empty: any)
 * @param tags tags any of which an article must carry (empty: any)
 * @param language language code an article must have, or {@code null}
 * @param oncePerStory whether copies of a story already alerted on are skipped
 * @param webhook where matches are POSTed, or {@code null}
 */
public record Alert(String id, String tokenHash, String name, String query, List<String> sources, List<String> tags,
		String language, boolean oncePerStory, boolean paused, Instant createdAt, Instant updatedAt,
		Webhook webhook) {

	public Alert {
		sources = (sources != null) ? List.copyOf(sources) : List.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

	public Alert withWebhook(Webhook replacement) {
		return new Alert(this.id, this.tokenHash, this.name, this.query, this.sources, this.tags, this.language,
				this.oncePerStory, this.paused, this.createdAt, this.updatedAt, replacement);
	}

	/**
	 * A webhook and its delivery state.
	 *
	 * @param secret the HMAC-SHA256 key of signatures, shown once at creation
	 * @param consecutiveFailures deliveries failed in a row (each after every retry)
	 * @param lastError why the last failed delivery failed, or {@code null}
	 */
	public record Webhook(String url, String secret, WebhookState state, int consecutiveFailures,
			Instant lastDeliveryAt, Instant lastFailureAt, String lastError) {

		public static Webhook active(String url, String secret) {
			return new Webhook(url, secret, WebhookState.ACTIVE, 0, null, null, null);
		}

	}

	/** Whether a webhook is still called. */
	public enum WebhookState {

		ACTIVE,

		/** Too many consecutive failures; a PATCH with a webhook turns it back on. */
		DISABLED

	}

}
