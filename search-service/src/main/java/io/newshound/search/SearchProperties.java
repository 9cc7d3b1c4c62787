package io.newshound.search;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of the search service, under {@code newshound.search}.
 *
 * @param alias the index alias searched ({@code news-articles}, the indexer's write alias)
 * @param defaultSize hits per page when {@code size} is absent (10)
 * @param maxSize largest {@code size} accepted (100)
 * @param maxQueryLength longest {@code q} accepted, in characters (500)
 * @param timeout time after which a search answers 503 instead of waiting on Elasticsearch (10s)
 * @param retryAfter the {@code Retry-After} sent when Elasticsearch is unavailable (5s)
 */
@ConfigurationProperties("newshound.search")
public record SearchProperties(@DefaultValue("news-articles") String alias, @DefaultValue("10") int defaultSize,
		@DefaultValue("100") int maxSize, @DefaultValue("500") int maxQueryLength,
		@DefaultValue("10s") Duration timeout, @DefaultValue("5s") Duration retryAfter) {
}
