package io.newshound.indexer.index;

import java.time.Instant;
import java.util.List;

import io.newshound.events.ArticleEvent;

/**
 * The Elasticsearch document of one article; its fields are the mapping in
 * {@code elasticsearch/news-articles-template.json}.
 */
public record ArticleDocument(String articleId, String url, String source, String title, String summary, String body,
		List<String> authors, Instant publishedAt, Instant updatedAt, Instant fetchedAt, Instant indexedAt,
		String language, String imageUrl, String siteName, List<String> tags, List<String> entities,
		String storyId, String contentHash, int readingMinutes) {

	private static final int WORDS_PER_MINUTE = 230;

	public static ArticleDocument of(ArticleEvent article, Instant indexedAt) {
		return new ArticleDocument(article.articleId(), article.url(), article.source(), article.title(),
				article.summary(), article.body(), article.authors(), article.publishedAt(), article.updatedAt(),
				article.fetchedAt(), indexedAt, article.language(), article.imageUrl(), article.siteName(),
				article.tags(), List.of(), article.storyId(), article.contentHash(), readingMinutes(article.body()));
	}

	static int readingMinutes(String body) {
		int words = body.isBlank() ? 0 : body.trim().split("\\s+").length;
		return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
	}

}
