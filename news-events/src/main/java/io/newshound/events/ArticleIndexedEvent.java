package io.newshound.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An article that Elasticsearch acknowledged and made searchable, the payload of
 * {@value Topics#INDEXED}. It carries the whole article so that alert matching needs no
 * round trip to Elasticsearch. The evolution rule of {@link ArticleEvent} applies.
 *
 * @param schemaVersion version of this payload's shape
 * @param articleId id of the article, also the Elasticsearch document id
 * @param index concrete index the document was written to
 * @param version document version (epoch milliseconds of {@link ArticleEvent#updatedAt()})
 * @param indexedAt time Elasticsearch acknowledged the write
 * @param article the article as indexed
 */
public record ArticleIndexedEvent(int schemaVersion, String articleId, String index, long version, Instant indexedAt,
		ArticleEvent article) {

	public static final int CURRENT_SCHEMA_VERSION = 1;

	public ArticleIndexedEvent {
		if (schemaVersion < 1) {
			throw new IllegalArgumentException("schemaVersion must be at least 1, was " + schemaVersion);
		}
		Objects.requireNonNull(articleId, "articleId");
		Objects.requireNonNull(index, "index");
		Objects.requireNonNull(indexedAt, "indexedAt");
		Objects.requireNonNull(article, "article");
	}

}
