package io.newshound.crawler.source;

import java.time.Instant;
import java.util.List;

/**
 * One source as {@code GET /api/sources} shows it. Times are {@code null} until they happened.
 *
 * @param name the source's name
 * @param url its feed, sitemap or page URL
 * @param kind {@code feed}, {@code sitemap} or {@code page}
 * @param tags its tags
 * @param pollInterval ISO-8601 poll interval
 * @param lastPoll start of the latest poll
 * @param lastSuccess end of the latest poll that read the source
 * @param lastError the latest error (of a poll or of one article), or {@code null}
 * @param lastErrorAt when {@code lastError} happened
 * @param articlesFound article links found by the latest successful poll (0 when its feed had not
 * changed)
 * @param articlesPublished articles published since start
 * @param refusedRequests requests refused by the address guard since start
 * @param nextPoll when the next poll is due, {@code null} while a poll runs
 */
public record SourceStatus(String name, String url, String kind, List<String> tags, String pollInterval,
		Instant lastPoll, Instant lastSuccess, String lastError, Instant lastErrorAt, long articlesFound,
		long articlesPublished, long refusedRequests, Instant nextPoll) {
}
