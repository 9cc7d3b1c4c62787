package io.newshound.search.api;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /api/articles/{id}}: the stored article. Text fields are plain text, not HTML: escape
 * them when rendering.
 */
record ArticleView(String id, String title, String url, String source, List<String> authors, Instant publishedAt,
		Instant updatedAt, String language, String summary, String body, String imageUrl, String siteName,
		List<String> tags, List<String> entities, String storyId, Integer readingMinutes) {

	static ArticleView of(String id, StoredArticle article) {
		return new ArticleView(id, article.title(), article.url(), article.source(),
				(article.authors() != null) ? article.authors() : List.of(), article.publishedAt(), article.updatedAt(),
				article.language(), article.summary(), article.body(), article.imageUrl(), article.siteName(),
				article.tagList(), article.entityList(), article.storyId(), article.readingMinutes());
	}

}
