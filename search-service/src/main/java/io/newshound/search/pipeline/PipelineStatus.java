package io.newshound.search.pipeline;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/pipeline}: the crawler's sources and the pipeline's figures. Each part is read on its
 * own; a part that could not be read has a {@code null} value and an {@code error} saying why, and the rest is
 * still answered.
 *
 * @param checkedAt when the figures were read
 * @param crawler the crawler and its sources
 * @param crawled articles the crawler published since it started (the sum over its sources)
 * @param indexed articles searchable now
 * @param lag articles published to {@code news.articles.v1} that the indexer has not processed yet
 */
record PipelineStatus(Instant checkedAt, Crawler crawler, Figure crawled, Figure indexed, Figure lag) {

	/**
	 * @param url the crawler's base URL
	 * @param reachable whether it answered
	 * @param error why not, or {@code null}
	 * @param sources its sources with their health, in its file's order; empty when unreachable
	 */
	record Crawler(String url, boolean reachable, String error, List<CrawlerSource> sources) {
	}

	/** A number, or {@code null} with the reason it could not be read. */
	record Figure(Long value, String error) {

		static Figure of(long value) {
			return new Figure(value, null);
		}

		static Figure unavailable(String error) {
			return new Figure(null, error);
		}

	}

	/**
	 * One source as the crawler's {@code GET /api/sources} reports it (see the crawler's README); times are
	 * {@code null} until they happened.
	 */
	record CrawlerSource(String name, String url, String kind, List<String> tags, String pollInterval,
			Instant lastPoll, Instant lastSuccess, String lastError, Instant lastErrorAt, long articlesFound,
			long articlesPublished, long refusedRequests, Instant nextPoll) {
	}

}
