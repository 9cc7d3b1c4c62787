package io.newshound.search.api;

import java.time.Instant;

import io.newshound.search.query.QueryNode;

/**
 * A validated search request.
 *
 * @param text the user's query as typed, or empty for every article
 * @param query the parsed query
 * @param source exact source name to filter on, or {@code null}
 * @param tag exact tag to filter on, or {@code null}
 * @param language ISO 639-1 code to filter on, or {@code null}
 * @param from earliest publication time, inclusive, or {@code null}
 * @param to latest publication time, exclusive, or {@code null}
 * @param sort relevance or recency
 * @param size stories to return
 * @param cursor where the previous page ended, or {@code null} for the first page
 * @param now the reference time of relative dates and of the recency decay; a cursor keeps the first page's,
 * so that every page scores alike
 * @param fingerprint digest of the parameters that select and order the hits, which a cursor must match
 */
record SearchQuery(String text, QueryNode query, String source, String tag, String language, Instant from,
		Instant to, Sort sort, int size, Cursor cursor, Instant now, String fingerprint) {

	enum Sort {

		RELEVANCE, RECENT

	}

}
