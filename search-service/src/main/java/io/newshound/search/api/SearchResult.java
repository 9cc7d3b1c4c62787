package io.newshound.search.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /api/search}.
 *
 * @param total number of matching articles (copies of one story counted one by one)
 * @param tookMs time the page took inside Elasticsearch (all its requests)
 * @param hits the stories of this page, best first: one hit per story, the best-placed article of it
 * @param facets per facet name ({@code source}, {@code tag}, {@code entity}, {@code day}), values with their
 * article counts for the query and filters; on the first page only, empty on later pages
 * @param nextCursor cursor of the next page, or {@code null} when there is none
 */
record SearchResult(long total, long tookMs, List<Hit> hits, Map<String, List<FacetValue>> facets,
		String nextCursor) {

	/**
	 * One matching story, shown as one article.
	 *
	 * @param id article id
	 * @param title headline
	 * @param url canonical URL
	 * @param source source name
	 * @param author authors, comma-separated, or {@code null}
	 * @param publishedAt publication time, or {@code null}
	 * @param snippet HTML in which only {@code <mark>} is markup, everything else escaped
	 * @param tags tags
	 * @param storyId the story, or {@code null} when the article has none (it is then its own story)
	 * @param storyCount articles of this story that match the query, this one included
	 * @param otherSources the other matching articles of the story, earliest first (at most
	 * {@code newshound.search.ranking.max-other-sources})
	 */
	record Hit(String id, String title, String url, String source, String author, Instant publishedAt, String snippet,
			List<String> tags, String storyId, long storyCount, List<OtherSource> otherSources) {
	}

	/** Another article of a collapsed story: who carried it, where and when. */
	record OtherSource(String id, String source, String url, String title, Instant publishedAt) {
	}

	/** A facet value and the number of matching articles that have it; {@code day} values are ISO dates. */
	record FacetValue(String value, long count) {
	}

}
