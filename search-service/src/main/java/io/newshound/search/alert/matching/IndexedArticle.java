package io.newshound.search.alert.matching;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of an indexed article's Elasticsearch document that matching reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
record IndexedArticle(String articleId, String url, String source, String title, String summary, String body,
		Instant publishedAt, String language, List<String> tags, String storyId) {

	static final List<String> FIELDS = List.of("articleId", "url", "source", "title", "summary", "body",
			"publishedAt", "language", "tags", "storyId");

	MatchableArticle matchable(String id) {
		return new MatchableArticle(id, this.url, this.source, this.title, this.summary, this.body, this.tags,
				this.language, this.storyId, this.publishedAt);
	}

}
