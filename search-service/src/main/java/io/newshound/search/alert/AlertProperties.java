package io.newshound.search.alert;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.newshound.search.alert.matching.AlertMatcher;

/**
 * Every setting of topic alerts, under {@code newshound.alerts}; defaults in parentheses. The module README has the
 * same table.
 *
 * @param enabled whether alerts are served, matched and delivered (true)
 * @param subscriptionsTopic compacted topic holding every alert, keyed by id ({@code alerts.subscriptions.v1})
 * @param matchesTopic the persisted log of matches, keyed by alert id ({@code alerts.matches.v1})
 * @param matchesIndex Elasticsearch index of match claims: one document per (alert, article) or (alert, story), the
 * deduplication of at-least-once announcements, and what the Atom feed lists ({@code newshound-alert-matches})
 * @param partitions partitions of the two topics when this service creates them (3)
 * @param matchesRetention how long the match log keeps matches, and so how far {@code Last-Event-ID} can reach back
 * (7d)
 * @param matcherGroup consumer group of {@code news.indexed.v1} shared by every instance ({@code newshound-alert-matcher})
 * @param webhookGroup consumer group delivering webhooks, shared by every instance ({@code newshound-alert-webhooks})
 * @param matcherMode how candidate alerts are chosen per article: {@code presearcher} or {@code brute-force} (presearcher)
 * @param heartbeat interval of SSE comments that keep idle connections open (15s)
 * @param maxReplay most matches a reconnecting stream is sent from the log (1000)
 * @param feedSize entries of the Atom feed when {@code size} is absent (50)
 * @param maxFeedSize largest {@code size} of the Atom feed (1000)
 * @param maxAlerts most alerts this deployment holds; creation answers 429 beyond (100000)
 * @param webhook how webhooks are delivered
 */
@ConfigurationProperties("newshound.alerts")
public record AlertProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("alerts.subscriptions.v1") String subscriptionsTopic,
		@DefaultValue("alerts.matches.v1") String matchesTopic,
		@DefaultValue("newshound-alert-matches") String matchesIndex, @DefaultValue("3") int partitions,
		@DefaultValue("7d") Duration matchesRetention,
		@DefaultValue("newshound-alert-matcher") String matcherGroup,
		@DefaultValue("newshound-alert-webhooks") String webhookGroup,
		@DefaultValue("presearcher") AlertMatcher.Mode matcherMode, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("1000") int maxReplay, @DefaultValue("50") int feedSize, @DefaultValue("1000") int maxFeedSize,
		@DefaultValue("100000") int maxAlerts, @DefaultValue Webhook webhook) {

	/**
	 * @param timeout connect and response timeout of one attempt (5s)
	 * @param attempts attempts per match before it counts as a failed delivery (4)
	 * @param initialBackoff wait before the second attempt, doubled before each next one (500ms)
	 * @param maxBackoff longest wait between attempts (10s)
	 * @param disableAfter consecutive failed deliveries after which the webhook is disabled (5)
	 * @param allowPrivateAddresses whether webhooks may target loopback, private and link-local addresses: for tests
	 * and closed networks only (false)
	 * @param allowedSchemes URL schemes accepted ([https, http])
	 */
	public record Webhook(@DefaultValue("5s") Duration timeout, @DefaultValue("4") int attempts,
			@DefaultValue("500ms") Duration initialBackoff, @DefaultValue("10s") Duration maxBackoff,
			@DefaultValue("5") int disableAfter, @DefaultValue("false") boolean allowPrivateAddresses,
			@DefaultValue({ "https", "http" }) List<String> allowedSchemes) {
	}

}
