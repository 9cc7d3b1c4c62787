package io.newshound.search.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/search}.
 *
 * @param total number of matching articles
 * @param tookMs time the search took in Elasticsearch
 * @param hits the articles of this page, best first
 * @param facets per facet name, the values with their counts
 * @param nextCursor cursor of the next page, or {@code null} on the last page
 */
record SearchResult(long total, long tookMs, List<Hit> hits, Map<String, List<FacetValue>> facets,
		String nextCursor) {

	/**
	 * One matching article; {@code snippet} is HTML in which only {@code <mark>} is markup.
	 */
	record Hit(String id, String title, String url, String source, String author, Instant publishedAt, String snippet,
			List<String> tags) {
	}

	record FacetValue(String value, long count) {
	}

}
