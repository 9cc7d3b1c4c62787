package io.newshound.search.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of an indexed article that the API returns; the index holds more. */
@JsonIgnoreProperties(ignoreUnknown = true)
record StoredArticle(String articleId, String url, String source, String title, String summary,
		List<String> authors, Instant publishedAt, List<String> tags) {
}
