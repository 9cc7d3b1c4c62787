package io.newshound.indexer.index;

import java.time.Instant;
import java.util.List;

import io.newshound.events.ArticleEvent;
import io.newshound.indexer.enrich.Enrichment;
import io.newshound.indexer.enrich.TagEvidence;

/**
 * The Elasticsearch document of one article; its fields are the mapping in
 * {@code elasticsearch/news-articles-template.json} (strict: a field missing there is refused).
 *
 * @param tags the source's tags and the topic tags of the enrichment
 * @param entities companies, labs, models and people named in the article
 * @param evidence which words triggered each topic tag and entity
 * @param language the event's language, else the detected one; {@code null} when unknown
 * @param storyId the event's story, else the article's own id: search collapses stories on this field, and
 * Elasticsearch would put every document without one into a single group
 */
public record ArticleDocument(String articleId, String url, String source, String title, String summary, String body,
		List<String> authors, Instant publishedAt, Instant updatedAt, Instant fetchedAt, Instant indexedAt,
		String language, String imageUrl, String siteName, List<String> tags, List<String> entities,
		List<TagEvidence> evidence, String storyId, String contentHash, int readingMinutes) {

	public static ArticleDocument of(ArticleEvent article, Enrichment enrichment, Instant indexedAt) {
		return new ArticleDocument(article.articleId(), article.url(), article.source(), article.title(),
				article.summary(), article.body(), article.authors(), article.publishedAt(), article.updatedAt(),
				article.fetchedAt(), indexedAt, enrichment.language(), article.imageUrl(), article.siteName(),
				enrichment.tags(), enrichment.entities(), enrichment.evidence(),
				(article.storyId() != null) ? article.storyId() : article.articleId(),
				article.contentHash(), enrichment.readingMinutes());
	}

	/** This document with another body: {@link DocumentJson} writes it empty and puts the event's bytes in. */
	ArticleDocument withBody(String otherBody) {
		return new ArticleDocument(this.articleId, this.url, this.source, this.title, this.summary, otherBody,
				this.authors, this.publishedAt, this.updatedAt, this.fetchedAt, this.indexedAt, this.language,
				this.imageUrl, this.siteName, this.tags, this.entities, this.evidence, this.storyId, this.contentHash,
				this.readingMinutes);
	}

}
