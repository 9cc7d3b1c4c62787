package io.newshound.indexer.ingest;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newshound.events.ArticleEvent;
import io.newshound.events.EventJson;
import io.newshound.events.MalformedEventException;
import io.newshound.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;

/**
 * Indexes each poll of {@code news.articles.v1} as one or more bulk requests.
 *
 * <p>Order of effects, which is the delivery guarantee: every document of the poll is acknowledged
 * by Elasticsearch (or found stale, or dead-lettered with its reason), then {@code news.indexed.v1}
 * is published for what was indexed, and only when this method returns does the container commit
 * the offsets. A transient failure throws, and the container retries the whole poll with backoff
 * while consumption is paused; the writes are idempotent, so the retry duplicates nothing.
 */
class ArticleBatchListener {

	static final String LISTENER_ID = "article-indexer";

	private static final Logger logger = LoggerFactory.getLogger(ArticleBatchListener.class);

	private final BulkWriter bulkWriter;

	private final IndexerEvents events;

	private final long maxBulkBytes;

	private final IndexerMetrics metrics;

	ArticleBatchListener(BulkWriter bulkWriter, IndexerEvents events, long maxBulkBytes, IndexerMetrics metrics) {
		this.bulkWriter = bulkWriter;
		this.events = events;
		this.maxBulkBytes = maxBulkBytes;
		this.metrics = metrics;
	}

	@KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.ARTICLES, batch = "true", autoStartup = "false")
	void onPoll(List<ConsumerRecord<String, byte[]>> records) {
		try {
			index(records);
		}
		catch (TransientIndexingException ex) {
			this.metrics.transientFailures.increment(ex.getFailedItems());
			throw ex;
		}
	}

	private void index(List<ConsumerRecord<String, byte[]>> records) {
		List<PendingArticle> deadLetters = new ArrayList<>();
		List<Indexed> indexed = new ArrayList<>();
		int stale = 0;
		for (List<PendingArticle> chunk : chunks(decode(records, deadLetters))) {
			List<BulkWriter.ItemResult> results = this.metrics.bulkLatency
				.record(() -> this.bulkWriter.write(articles(chunk)));
			List<BulkWriter.ItemResult> transients = results.stream()
				.filter((result) -> result.outcome() == ItemOutcome.TRANSIENT)
				.toList();
			if (!transients.isEmpty()) {
				throw new TransientIndexingException(transients.size() + " of " + chunk.size()
						+ " documents not accepted now, first: " + transients.get(0).reason(), transients.size(), null);
			}
			for (int i = 0; i < chunk.size(); i++) {
				BulkWriter.ItemResult result = results.get(i);
				PendingArticle pending = chunk.get(i);
				switch (result.outcome()) {
					case INDEXED -> indexed.add(new Indexed(pending.article(), result.index(), result.version()));
					case STALE -> stale++;
					case PERMANENT -> deadLetters.add(new PendingArticle(pending.record(), pending.article(),
							"elasticsearch refused the document (" + result.status() + "): " + result.reason()));
					case TRANSIENT -> throw new IllegalStateException("handled above");
				}
			}
		}
		this.metrics.permanentFailures.increment(deadLetters.size());
		this.events.deadLetter(deadLetters);
		this.metrics.deadLetteredFailures.increment(deadLetters.size());
		this.events.announceIndexed(indexed);
		this.metrics.indexed.increment(indexed.size());
		this.metrics.stale.increment(stale);
		this.metrics.deadLettered.increment(deadLetters.size());
		if (!deadLetters.isEmpty()) {
			logger.warn("Dead-lettered {} record(s) to {}, first: {}", deadLetters.size(), Topics.ARTICLES_DLT,
					deadLetters.get(0).failure());
		}
	}

	private List<PendingArticle> decode(List<ConsumerRecord<String, byte[]>> records, List<PendingArticle> deadLetters) {
		List<PendingArticle> decoded = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			if (record.value() == null) {
				deadLetters.add(PendingArticle.undecodable(record, "record has no value"));
				continue;
			}
			try {
				decoded.add(PendingArticle.decoded(record, EventJson.read(record.value(), ArticleEvent.class)));
			}
			catch (MalformedEventException ex) {
				deadLetters.add(PendingArticle.undecodable(record, ex.getMessage()));
			}
		}
		return decoded;
	}

	/** Splits a poll so that no bulk request exceeds the byte bound (event size approximates document size). */
	private List<List<PendingArticle>> chunks(List<PendingArticle> decoded) {
		List<List<PendingArticle>> chunks = new ArrayList<>();
		List<PendingArticle> current = new ArrayList<>();
		long bytes = 0;
		for (PendingArticle pending : decoded) {
			long size = pending.record().value().length;
			if (!current.isEmpty() && bytes + size > this.maxBulkBytes) {
				chunks.add(current);
				current = new ArrayList<>();
				bytes = 0;
			}
			current.add(pending);
			bytes += size;
		}
		if (!current.isEmpty()) {
			chunks.add(current);
		}
		return chunks;
	}

	private static List<ArticleEvent> articles(List<PendingArticle> chunk) {
		return chunk.stream().map(PendingArticle::article).toList();
	}

	/**
	 * An article Elasticsearch acknowledged.
	 *
	 * @param article the event
	 * @param index the concrete index
	 * @param version the document version
	 */
	record Indexed(ArticleEvent article, String index, long version) {
	}

}
