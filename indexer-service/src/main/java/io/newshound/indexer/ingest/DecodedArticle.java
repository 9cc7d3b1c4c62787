package io.newshound.indexer.ingest;

import io.newshound.events.ArticleEvent;

/**
 * A record and the article it decodes to, for as long as its bulk request is being built.
 *
 * @param pending the record on its way to Elasticsearch
 * @param article the record's value, decoded
 */
record DecodedArticle(PendingArticle pending, ArticleEvent article) {

	/** The article event's JSON as consumed. */
	byte[] json() {
		return this.pending.record().value();
	}

}
