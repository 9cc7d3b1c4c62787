package io.newshound.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of the search service, under {@code newshound.search}; defaults in parentheses. The module README
 * has the same table.
 *
 * @param alias the index alias searched ({@code news-articles}, the indexer's alias)
 * @param defaultSize hits per page when {@code size} is absent (10)
 * @param maxSize largest {@code size} accepted (100)
 * @param maxQueryLength longest {@code q} accepted, in characters (500)
 * @param maxQueryTerms most words, phrase words, prefixes and field values in one {@code q} (32)
 * @param maxQueryDepth deepest nesting of parentheses in {@code q} (8)
 * @param minPrefixLength fewest letters or digits before the {@code *} of a prefix (3)
 * @param prefixExpansions most index terms one prefix expands to (50)
 * @param timeout time after which a request answers 503 instead of waiting on Elasticsearch (10s)
 * @param queryTimeout time Elasticsearch may spend on one search before it stops collecting and reports
 * {@code timed_out}; the request then answers 503 "Search timed out". Keep it shorter than {@code timeout}, so
 * that the node itself stops a costly query rather than computing on after the service gave up (5s)
 * @param retryAfter the {@code Retry-After} sent with a 503 (5s)
 * @param ranking how relevance is scored
 * @param cursor how {@code nextCursor} is made and checked
 * @param facets how facets are counted
 * @param rateLimit how many requests one client may make
 */
@ConfigurationProperties("newshound.search")
public record SearchProperties(@DefaultValue("news-articles") String alias, @DefaultValue("10") int defaultSize,
		@DefaultValue("100") int maxSize, @DefaultValue("500") int maxQueryLength,
		@DefaultValue("32") int maxQueryTerms, @DefaultValue("8") int maxQueryDepth,
		@DefaultValue("3") int minPrefixLength, @DefaultValue("50") int prefixExpansions,
		@DefaultValue("10s") Duration timeout, @DefaultValue("5s") Duration queryTimeout,
		@DefaultValue("5s") Duration retryAfter,
		@DefaultValue Ranking ranking, @DefaultValue Cursor cursor, @DefaultValue Facets facets,
		@DefaultValue RateLimit rateLimit) {

	public SearchProperties {
		if (queryTimeout.isNegative() || queryTimeout.isZero()) {
			throw new IllegalArgumentException("newshound.search.query-timeout must be positive");
		}
	}

	/**
	 * Relevance: BM25F over title, summary and body, multiplied by a recency factor between {@code 1 - weight}
	 * (old) and 1 (published within {@code offset} of now). {@code sort=recent} ignores all of this.
	 *
	 * @param titleBoost weight of title words against body words (3.0)
	 * @param summaryBoost weight of summary words against body words (2.0)
	 * @param recencyFunction shape of the decay on {@code publishedAt}: {@code gauss} or {@code exp} (gauss)
	 * @param recencyScale age at which the decay reaches {@code recencyDecay}, beyond the offset (7d)
	 * @param recencyOffset age below which an article counts as fully fresh (12h)
	 * @param recencyDecay value of the decay at offset + scale (0.5)
	 * @param recencyWeight share of the score that recency can take away, 0 (off) to 1 (0.3)
	 * @param maxOtherSources most other articles of a collapsed story listed with its hit (10)
	 */
	public record Ranking(@DefaultValue("3.0") double titleBoost, @DefaultValue("2.0") double summaryBoost,
			@DefaultValue("gauss") DecayFunction recencyFunction, @DefaultValue("7d") Duration recencyScale,
			@DefaultValue("12h") Duration recencyOffset, @DefaultValue("0.5") double recencyDecay,
			@DefaultValue("0.3") double recencyWeight, @DefaultValue("10") int maxOtherSources) {

		public Ranking {
			if (recencyWeight < 0 || recencyWeight > 1) {
				throw new IllegalArgumentException("newshound.search.ranking.recency-weight must be from 0 to 1");
			}
			if (recencyDecay <= 0 || recencyDecay >= 1) {
				throw new IllegalArgumentException("newshound.search.ranking.recency-decay must be between 0 and 1");
			}
		}

	}

	/** The decay functions that {@link Ranking#recencyFunction()} accepts. */
	public enum DecayFunction {

		GAUSS, EXP

	}

	/**
	 * Cursors: base64url JSON holding the point-in-time id and the sort values of the last hit, signed with
	 * HMAC-SHA256.
	 *
	 * @param keepAlive how long a point in time (and so a cursor) stays usable after each page (2m)
	 * @param secret the HMAC key; empty means a random key per process, so set the same secret on every
	 * instance behind one load balancer (empty)
	 */
	public record Cursor(@DefaultValue("2m") Duration keepAlive, @DefaultValue("") String secret) {
	}

	/**
	 * @param size values per term facet (source, tag, entity) (20)
	 * @param days days the per-day histogram covers when the request has no {@code from} (30)
	 * @param maxDays most days the histogram covers; a longer range shows its last days (366)
	 */
	public record Facets(@DefaultValue("20") int size, @DefaultValue("30") int days,
			@DefaultValue("366") int maxDays) {
	}

	/**
	 * A token bucket per client address over every {@code /api/} request; a client over its budget gets 429
	 * with {@code Retry-After}.
	 *
	 * @param enabled whether requests are limited (true)
	 * @param requestsPerSecond tokens added per second, the sustained rate (20)
	 * @param burst bucket size, the most requests at once (40)
	 * @param maxClients most client addresses tracked; the least recently seen is forgotten first (10000)
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("20") double requestsPerSecond,
			@DefaultValue("40") int burst, @DefaultValue("10000") int maxClients) {
	}

}
