package io.newshound.search.api;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/articles/{id}/related}: other stories like this article (more-like-this on title,
 * summary and body), one article per story, copies of the article's own story left out.
 *
 * @param id the article asked about
 * @param related the related articles, most similar first
 */
record RelatedResult(String id, List<Related> related) {

	record Related(String id, String title, String url, String source, Instant publishedAt, List<String> tags,
			String storyId) {
	}

}
