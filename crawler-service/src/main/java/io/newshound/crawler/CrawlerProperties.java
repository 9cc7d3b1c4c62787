package io.newshound.crawler;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Every configuration key of the crawler, prefix {@code newshound.crawler}. This record is the one
 * place where a key and its default are documented; the module README repeats the table.
 *
 * @param sources location of the sources file: a file path or {@code classpath:…}; default
 * {@code classpath:sources.yml} (the bundled list)
 * @param stateDir directory of the crawl state (published content hashes, HTTP validators) that
 * survives restarts, when the crawler works alone ({@code cluster.enabled=false}); default
 * {@code ./data/crawler}
 * @param schedulingEnabled whether sources are polled on their intervals; {@code false} leaves the
 * service up with an idle scheduler (for tests and maintenance); default {@code true}
 * @param concurrency the global bound on source polls (and therefore HTTP requests) in flight at
 * once; default {@code 4}
 * @param fetch the HTTP fetcher's limits
 * @param politeness per-host manners
 * @param discovery how much is taken from one feed, sitemap or page
 * @param publish the Kafka side
 * @param cluster how several crawler instances share the work
 */
@ConfigurationProperties("newshound.crawler")
public record CrawlerProperties(@DefaultValue("classpath:sources.yml") String sources,
		@DefaultValue("./data/crawler") Path stateDir, @DefaultValue("true") boolean schedulingEnabled,
		@DefaultValue("4") int concurrency, @DefaultValue Fetch fetch, @DefaultValue Politeness politeness,
		@DefaultValue Discovery discovery, @DefaultValue Publish publish, @DefaultValue Cluster cluster) {

	public CrawlerProperties {
		if (concurrency < 1) {
			throw new IllegalArgumentException("newshound.crawler.concurrency must be at least 1, was " + concurrency);
		}
	}

	/**
	 * HTTP fetching, prefix {@code newshound.crawler.fetch}.
	 *
	 * @param contactUrl URL put in the User-Agent ({@code Newshound/0.1 (+contactUrl)}) so that a site
	 * owner can reach whoever runs the crawler; set it to a page you control; default
	 * {@code https://github.com/newshound/newshound}
	 * @param connectTimeout TCP/TLS connect timeout; default {@code 10s}
	 * @param readTimeout longest time from sending a request to the last byte of its body; default
	 * {@code 30s}
	 * @param maxBodySize largest body accepted, counted after decompression (a larger one, or a gzip
	 * bomb, ends as {@code TOO_LARGE}); default {@code 5MB}
	 * @param maxRedirects redirects followed per fetch before {@code REDIRECT_LIMIT}; default {@code 5}
	 * @param maxRetries retries of a 429 or 5xx answer, with exponential backoff honouring
	 * {@code Retry-After}; default {@code 2}
	 * @param retryBackoff first backoff of those retries, doubled each time; default {@code 2s}
	 * @param maxRetryAfter longest {@code Retry-After} waited for within one fetch; a longer one ends
	 * the fetch and only holds back the host; default {@code 30s}
	 */
	public record Fetch(@DefaultValue("https://github.com/newshound/newshound") URI contactUrl,
			@DefaultValue("10s") Duration connectTimeout, @DefaultValue("30s") Duration readTimeout,
			@DefaultValue("5MB") DataSize maxBodySize, @DefaultValue("5") int maxRedirects,
			@DefaultValue("2") int maxRetries, @DefaultValue("2s") Duration retryBackoff,
			@DefaultValue("30s") Duration maxRetryAfter) {

		/** The User-Agent sent with every request. */
		public String userAgent() {
			return "Newshound/0.1 (+" + contactUrl + ")";
		}

	}

	/**
	 * Per-host manners, prefix {@code newshound.crawler.politeness}.
	 *
	 * @param minDelay least time between the end of one request and the start of the next to the
	 * same host (a larger robots.txt {@code Crawl-delay} wins); default {@code 1s}
	 * @param maxCrawlDelay largest robots.txt {@code Crawl-delay} honoured; a site asking for more is
	 * not crawled at all (crawler-commons' rule); default {@code 5m}
	 * @param robotsCacheTtl how long a host's robots.txt is kept before it is fetched again; default
	 * {@code 1h}
	 * @param maxHostWait longest a fetch waits for its turn on a busy host before it gives up as
	 * {@code IO_ERROR}, so that no worker is blocked for ever; default {@code 10m}
	 */
	public record Politeness(@DefaultValue("1s") Duration minDelay, @DefaultValue("5m") Duration maxCrawlDelay,
			@DefaultValue("1h") Duration robotsCacheTtl, @DefaultValue("10m") Duration maxHostWait) {
	}

	/**
	 * Discovery limits, prefix {@code newshound.crawler.discovery}.
	 *
	 * @param maxLinksPerPage most article links taken from one feed, sitemap or page (newest first
	 * where dates are known); default {@code 100}
	 * @param maxSitemaps most child sitemaps read from one sitemap index (most recently modified
	 * first); default {@code 5}
	 * @param revisitInterval an article page already fetched is fetched again only when its feed entry
	 * says it was updated since, or when it was last fetched longer ago than this; default {@code 6h}
	 */
	public record Discovery(@DefaultValue("100") int maxLinksPerPage, @DefaultValue("5") int maxSitemaps,
			@DefaultValue("6h") Duration revisitInterval) {
	}

	/**
	 * Publishing to Kafka, prefix {@code newshound.crawler.publish}. The broker address is Spring
	 * Boot's own {@code spring.kafka.bootstrap-servers}.
	 *
	 * @param partitions partitions of {@code news.articles.v1} when the crawler creates it; default
	 * {@code 3}
	 * @param replicas replication factor of {@code news.articles.v1} when the crawler creates it;
	 * default {@code 1}
	 * @param timeout longest wait for the broker's acknowledgement of one article; default {@code 30s}
	 */
	public record Publish(@DefaultValue("3") int partitions, @DefaultValue("1") short replicas,
			@DefaultValue("30s") Duration timeout) {
	}

	/**
	 * Sharing the work between crawler instances, prefix {@code newshound.crawler.cluster}: every host
	 * belongs to one partition of the frontier topic, the instances are one Kafka consumer group on
	 * that topic, and each polls the sources (and fetches the article links) of the hosts of the
	 * partitions Kafka assigns to it; the crawl state is a compacted topic that every instance reads.
	 * A single instance owns every partition.
	 *
	 * @param enabled whether the crawler shares its work through Kafka, with its state in the state
	 * topic; {@code false}: it works alone, with its state in {@code state-dir}, and needs Kafka only to
	 * publish; default {@code true}
	 * @param group the consumer group of the crawler instances; default {@code newshound-crawler}
	 * @param frontierTopic the topic whose partitions divide the hosts between the instances, and which
	 * carries article links to the instance that owns their host; default {@code news.crawl.frontier.v1}
	 * @param stateTopic the compacted topic of the crawl state; default {@code news.crawl.state.v1}
	 * @param partitions partitions of both topics when the crawler creates them: the most instances
	 * that can share the work; never change it on a running frontier topic (hosts would change
	 * partitions); default {@code 12}
	 * @param replicas replication factor of both topics when the crawler creates them; default {@code 1}
	 */
	public record Cluster(@DefaultValue("true") boolean enabled, @DefaultValue("newshound-crawler") String group,
			@DefaultValue("news.crawl.frontier.v1") String frontierTopic,
			@DefaultValue("news.crawl.state.v1") String stateTopic, @DefaultValue("12") int partitions,
			@DefaultValue("1") short replicas) {
	}

}
