package io.newshound.search.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of an indexed article that the API reads; the index holds more. Search pages read it without
 * {@code body}, which is then {@code null}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record StoredArticle(String articleId, String url, String source, String title, String summary, String body,
		List<String> authors, Instant publishedAt, Instant updatedAt, String language, String imageUrl,
		String siteName, List<String> tags, List<String> entities, String storyId, Integer readingMinutes) {

	static final List<String> LISTING_FIELDS = List.of("articleId", "url", "source", "title", "summary", "authors",
			"publishedAt", "tags", "storyId");

	String author() {
		return (this.authors == null || this.authors.isEmpty()) ? null : String.join(", ", this.authors);
	}

	List<String> tagList() {
		return (this.tags != null) ? this.tags : List.of();
	}

	List<String> entityList() {
		return (this.entities != null) ? this.entities : List.of();
	}

}
