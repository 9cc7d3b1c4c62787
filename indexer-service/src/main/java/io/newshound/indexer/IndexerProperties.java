package io.newshound.indexer;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.unit.DataSize;

/**
 * Every setting of the indexer, under {@code newshound.indexer}.
 *
 * @param index the Elasticsearch index
 * @param bulk how consumed articles are grouped into bulk requests
 * @param retry how Elasticsearch failures are retried
 * @param topics how the indexer's topics are created
 * @param enrichment how articles are tagged and their language found
 */
@ConfigurationProperties("newshound.indexer")
public record IndexerProperties(@DefaultValue Index index, @DefaultValue Bulk bulk, @DefaultValue Retry retry,
		@DefaultValue Topics topics, @DefaultValue Enrichment enrichment) {

	/**
	 * @param alias the alias searches read and the indexer writes through ({@code news-articles})
	 * @param version version of the mapping; the concrete index is {@code <alias>-v<version>}
	 * @param shards primary shards of a new index (1)
	 * @param replicas replicas of a new index (0, right for one node)
	 * @param refreshInterval how often new documents become searchable (1s)
	 */
	public record Index(@DefaultValue("news-articles") String alias, @DefaultValue("1") int version,
			@DefaultValue("1") int shards, @DefaultValue("0") int replicas,
			@DefaultValue("1s") Duration refreshInterval) {

		public String concreteName() {
			return this.alias + "-v" + this.version;
		}

	}

	/**
	 * @param maxBytes largest bulk request body; a larger poll is split (5MB). The count is bounded by
	 * {@code spring.kafka.consumer.max-poll-records} and the time by {@code fetch-max-wait}.
	 * @param maxInFlightBytes record bytes a consumer may have sent to Elasticsearch and not yet acknowledged before its
	 * partitions are paused (40MB, about 5,700 full-length articles of 7 kB; a poll that crosses it still goes). A
	 * consumer indexes at most this much per request latency, which includes the wait for the refresh that makes
	 * the documents searchable, so a small bound leaves Elasticsearch idle between refreshes: draining a backlog
	 * (bench figure 1), 3,000 full-length articles in flight gave 1,330–1,590 articles/s with Elasticsearch's write
	 * pool empty for a second at a time and 1.6–1.75 of the 2 cores used, about 6,000 gave 1,380–1,700 with 1.8–1.9
	 * cores used (the spread is Elasticsearch's, run to run). Counted in bytes, not records, because the
	 * heap they take is their size: each in flight holds its record and its document's JSON, about three times the
	 * record's bytes, so that a backlog of large articles cannot take the 300 MB heap
	 * @param maxInFlightRequests bulk requests a consumer may have waiting for Elasticsearch before its partitions are
	 * paused (32): each holds a connection until the refresh that makes it searchable
	 * @param connections connections to Elasticsearch (64), more than all consumers' requests in flight together,
	 * so that no request waits for a connection
	 * @param drainOnRevoke how long a consumer losing partitions waits for its batches in flight to finish, so that
	 * they are committed rather than consumed again (10s)
	 */
	public record Bulk(@DefaultValue("5MB") DataSize maxBytes, @DefaultValue("40MB") DataSize maxInFlightBytes,
			@DefaultValue("32") int maxInFlightRequests, @DefaultValue("64") int connections,
			@DefaultValue("10s") Duration drainOnRevoke) {
	}

	/**
	 * @param initialInterval first pause after a transient failure (500ms)
	 * @param maxInterval longest pause between attempts (30s); attempts never stop, nothing is dropped.
	 * Also the pause between attempts at setting up the index after Elasticsearch refused it (4xx).
	 */
	public record Retry(@DefaultValue("500ms") Duration initialInterval, @DefaultValue("30s") Duration maxInterval) {

		/** Doubling pauses from {@code initialInterval} to {@code maxInterval}, never giving up. */
		public ExponentialBackOff backOff() {
			ExponentialBackOff backOff = new ExponentialBackOff(this.initialInterval.toMillis(), 2.0);
			backOff.setMaxInterval(this.maxInterval.toMillis());
			backOff.setMaxElapsedTime(Long.MAX_VALUE);
			backOff.setMaxAttempts(Long.MAX_VALUE);
			return backOff;
		}

	}

	/**
	 * @param partitions partitions of the topics the indexer creates when missing (3)
	 * @param replicationFactor replication factor of those topics (1)
	 */
	public record Topics(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {
	}

	/**
	 * @param taxonomy the taxonomy file ({@code classpath:taxonomy/ai-industry.yml}); any Spring resource
	 * location, such as {@code file:/etc/newshound/taxonomy.yml}
	 * @param topicMinMentions mentions in title, summary and body together that a topic needs to become a
	 * tag (2); a single mention in the title always suffices
	 * @param languages candidate languages, as ISO 639-1 codes, for articles whose event has none
	 * ({@code en,de,fr,es,it,pt,nl,zh,ja,ko})
	 */
	public record Enrichment(@DefaultValue("classpath:taxonomy/ai-industry.yml") Resource taxonomy,
			@DefaultValue("2") int topicMinMentions,
			@DefaultValue({ "en", "de", "fr", "es", "it", "pt", "nl", "zh", "ja", "ko" }) List<String> languages) {
	}

}
