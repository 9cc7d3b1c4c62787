package io.newshound.indexer.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumed record on its way to Elasticsearch. The decoded article is not kept: while its bulk request waits for
 * the refresh, the record's bytes are all a batch needs (to announce the article, to dead-letter it, or to index it
 * again after a failure), and a pipeline full of decoded articles would hold every article twice.
 *
 * @param record the record as consumed, kept for announcing and dead-lettering it
 * @param articleId the decoded article's id, or {@code null} when the record could not be decoded
 * @param failure why the record is dead-lettered, or {@code null}
 */
record PendingArticle(ConsumerRecord<String, byte[]> record, String articleId, String failure) {

	static PendingArticle decoded(ConsumerRecord<String, byte[]> record, String articleId) {
		return new PendingArticle(record, articleId, null);
	}

	static PendingArticle undecodable(ConsumerRecord<String, byte[]> record, String reason) {
		return new PendingArticle(record, null, reason);
	}

	/** Bytes of the record's value (none when it has none). */
	long bytes() {
		return (this.record.value() != null) ? this.record.value().length : 0;
	}

	PendingArticle refused(String reason) {
		return new PendingArticle(this.record, this.articleId, reason);
	}

}
