package io.newshound.search.alert.matching;

import java.time.Instant;
import java.util.List;

/**
 * An article as indexed (fields of the Elasticsearch document), the input of {@link AlertMatcher}.
 *
 * @param summary may be {@code null}
 * @param tags the indexed tags (the source's and the enrichment's)
 * @param language the indexed language, or {@code null} when unknown
 * @param storyId the near-duplicate story, or {@code null}
 * @param publishedAt may be {@code null}
 */
public record MatchableArticle(String articleId, String url, String source, String title, String summary, String body,
		List<String> tags, String language, String storyId, Instant publishedAt) {

	public MatchableArticle {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

}
