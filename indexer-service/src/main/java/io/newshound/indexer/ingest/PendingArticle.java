package io.newshound.indexer.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.newshound.events.ArticleEvent;

/**
 * A consumed record on its way through one bulk attempt.
 *
 * @param record the record as consumed, kept for dead-lettering with its original coordinates
 * @param article the decoded event, or {@code null} when the record could not be decoded
 * @param failure why the record is dead-lettered, or {@code null}
 */
record PendingArticle(ConsumerRecord<String, byte[]> record, ArticleEvent article, String failure) {

	static PendingArticle decoded(ConsumerRecord<String, byte[]> record, ArticleEvent article) {
		return new PendingArticle(record, article, null);
	}

	static PendingArticle undecodable(ConsumerRecord<String, byte[]> record, String reason) {
		return new PendingArticle(record, null, reason);
	}

}
