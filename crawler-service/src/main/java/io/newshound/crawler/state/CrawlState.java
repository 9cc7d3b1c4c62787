package io.newshound.crawler.state;

import java.time.Instant;

/**
 * What the crawler remembers across restarts: per article the content it last published, per URL the
 * validators and time of the last fetch. Implementations are thread-safe.
 *
 * <p>The records are keyed (article id, URL) and each new record replaces the last one of its key:
 * {@link FileCrawlState} keeps them in a journal in a directory, {@link KafkaCrawlState} in a
 * compacted Kafka topic that every crawler instance reads whole.
 */
public interface CrawlState extends AutoCloseable {

	/** The article last published under {@code articleId}, or {@code null}. */
	PublishedArticle published(String articleId);

	/** Records that the broker acknowledged {@code article}. */
	void markPublished(PublishedArticle article);

	/** Every article published, oldest update first. */
	java.util.List<PublishedArticle> publishedArticles();

	/** What is known about fetching {@code url}, or {@code null}. */
	FetchedUrl fetched(String url);

	/** Records a fetch of {@code url}. */
	void markFetched(FetchedUrl url);

	/**
	 * Calls {@code listener} with every article that enters this state from elsewhere than this
	 * instance's {@link #markPublished} after the call: recorded by another crawler instance, or
	 * loaded after the call while the state is restored. A state that is wholly loaded when opened
	 * and written only by its own instance never calls it.
	 */
	default void onArticleRecorded(java.util.function.Consumer<PublishedArticle> listener) {
	}

	/** Makes everything recorded so far durable before it returns (a no-op where it already is). */
	default void flush() {
	}

	@Override
	void close();

	/**
	 * @param articleId the article id (hash of the canonical URL)
	 * @param url the canonical URL
	 * @param contentHash hash of title and body as published
	 * @param updatedAt the {@code updatedAt} of the published event
	 * @param signature the MinHash signature of the body as text, for near-duplicate detection, or
	 * {@code null}
	 * @param storyId the story the article was given, or {@code null}
	 */
	record PublishedArticle(String articleId, String url, String contentHash, Instant updatedAt, String signature,
			String storyId) {
	}

	/**
	 * @param url the URL fetched (as requested, normalised)
	 * @param etag its last {@code ETag}, or {@code null}
	 * @param lastModified its last {@code Last-Modified}, or {@code null}
	 * @param fetchedAt when it was last fetched (or found unchanged)
	 */
	record FetchedUrl(String url, String etag, String lastModified, Instant fetchedAt) {
	}

}
