package io.newshound.search.api;

import java.time.Instant;

/**
 * A validated search request.
 *
 * @param text the user's query, or empty for every article
 * @param source exact source name to filter on, or {@code null}
 * @param tag exact tag to filter on, or {@code null}
 * @param language ISO 639-1 code to filter on, or {@code null}
 * @param from earliest publication time, inclusive, or {@code null}
 * @param to latest publication time, exclusive, or {@code null}
 * @param sort relevance or recency
 * @param size hits to return
 */
record SearchQuery(String text, String source, String tag, String language, Instant from, Instant to, Sort sort,
		int size) {

	enum Sort {

		RELEVANCE, RECENT

	}

}
