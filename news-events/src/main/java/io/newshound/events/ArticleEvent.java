package io.newshound.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One extracted article, the payload of {@value Topics#ARTICLES}.
 *
 * <p>Evolution rule: consumers ignore fields they do not know and accept any
 * {@code schemaVersion} at or above 1 on a {@code .v1} topic. A producer may add an optional field
 * and must then raise {@link #CURRENT_SCHEMA_VERSION}; removing, renaming or retyping a field, or
 * making an optional one required, is a breaking change that goes to a new {@code .v2} topic, produced
 * beside the old one until every consumer has moved.
 *
 * @param schemaVersion version of this payload's shape, see the evolution rule
 * @param articleId stable id of the canonical URL, see {@link ArticleIds}
 * @param url canonical URL
 * @param source name of the configured source that found the article
 * @param title headline
 * @param body plain-text article body
 * @param summary short description, or {@code null}
 * @param authors author names, possibly empty
 * @param publishedAt publication time, or {@code null} when the page does not say
 * @param updatedAt time of this version of the article; the indexer uses it as the document version
 * @param fetchedAt time the crawler fetched the page
 * @param language ISO 639-1 code, or {@code null} when unknown
 * @param imageUrl lead image, or {@code null}
 * @param siteName publisher's site name, or {@code null}
 * @param tags tags of the source, possibly empty
 * @param contentHash hash of title and body, so that an unchanged article is not published again
 * @param storyId id shared by near-duplicates of one story, or {@code null}
 */
public record ArticleEvent(int schemaVersion, String articleId, String url, String source, String title, String body,
		String summary, List<String> authors, Instant publishedAt, Instant updatedAt, Instant fetchedAt,
		String language, String imageUrl, String siteName, List<String> tags, String contentHash, String storyId) {

	public static final int CURRENT_SCHEMA_VERSION = 1;

	public ArticleEvent {
		if (schemaVersion < 1) {
			throw new IllegalArgumentException("schemaVersion must be at least 1, was " + schemaVersion);
		}
		Objects.requireNonNull(articleId, "articleId");
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(title, "title");
		Objects.requireNonNull(body, "body");
		Objects.requireNonNull(updatedAt, "updatedAt");
		Objects.requireNonNull(fetchedAt, "fetchedAt");
		Objects.requireNonNull(contentHash, "contentHash");
		authors = (authors != null) ? List.copyOf(authors) : List.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

}
