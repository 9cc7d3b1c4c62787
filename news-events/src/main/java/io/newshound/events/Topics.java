package io.newshound.events;

/**
 * Kafka topic names. A topic name carries the major version of its payload: a change that old
 * consumers cannot read goes to a new topic (see {@link ArticleEvent#CURRENT_SCHEMA_VERSION}).
 */
public final class Topics {

	/** Extracted articles, keyed by article id; produced by the crawler, consumed by the indexer. */
	public static final String ARTICLES = "news.articles.v1";

	/** Articles the indexer could never index, with the reason in the record headers. */
	public static final String ARTICLES_DLT = "news.articles.v1.dlt";

	/** Articles that are searchable, keyed by article id; produced by the indexer after Elasticsearch acknowledged. */
	public static final String INDEXED = "news.indexed.v1";

	private Topics() {
	}

}
