package io.newshound.crawler.fetch;

import java.time.Duration;

import io.newshound.crawler.CrawlerProperties;

/**
 * The fetcher's limits, decoupled from Spring's configuration binding. See {@link CrawlerProperties}
 * for what each means and its default.
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBodyBytes,
		int maxRedirects, int maxRetries, Duration retryBackoff, Duration maxRetryAfter, Duration minDelay,
		Duration maxCrawlDelay, Duration robotsCacheTtl, Duration maxHostWait) {

	public static FetchSettings from(CrawlerProperties properties) {
		CrawlerProperties.Fetch fetch = properties.fetch();
		CrawlerProperties.Politeness politeness = properties.politeness();
		return new FetchSettings(fetch.userAgent(), fetch.connectTimeout(), fetch.readTimeout(),
				fetch.maxBodySize().toBytes(), fetch.maxRedirects(), fetch.maxRetries(), fetch.retryBackoff(),
				fetch.maxRetryAfter(), politeness.minDelay(), politeness.maxCrawlDelay(), politeness.robotsCacheTtl(),
				politeness.maxHostWait());
	}

	public FetchSettings withMinDelay(Duration minDelay) {
		return new FetchSettings(this.userAgent, this.connectTimeout, this.readTimeout, this.maxBodyBytes,
				this.maxRedirects, this.maxRetries, this.retryBackoff, this.maxRetryAfter, minDelay, this.maxCrawlDelay,
				this.robotsCacheTtl, this.maxHostWait);
	}

	public FetchSettings withMaxBodyBytes(long maxBodyBytes) {
		return new FetchSettings(this.userAgent, this.connectTimeout, this.readTimeout, maxBodyBytes,
				this.maxRedirects, this.maxRetries, this.retryBackoff, this.maxRetryAfter, this.minDelay,
				this.maxCrawlDelay, this.robotsCacheTtl, this.maxHostWait);
	}

	public FetchSettings withRetries(int maxRetries, Duration retryBackoff) {
		return new FetchSettings(this.userAgent, this.connectTimeout, this.readTimeout, this.maxBodyBytes,
				this.maxRedirects, maxRetries, retryBackoff, this.maxRetryAfter, this.minDelay, this.maxCrawlDelay,
				this.robotsCacheTtl, this.maxHostWait);
	}

}
