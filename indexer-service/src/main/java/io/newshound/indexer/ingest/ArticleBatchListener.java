package io.newshound.indexer.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import io.newshound.events.ArticleEvent;
import io.newshound.events.EventJson;
import io.newshound.events.MalformedEventException;
import io.newshound.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Takes each poll of {@code news.articles.v1}: decodes it, enriches it into bulk requests and sends them, then hands
 * the batch to its consumer's {@link IndexingPipeline} and returns to poll again, so that the next batch is on its
 * way to Elasticsearch while this one waits for the refresh that makes it searchable.
 *
 * <p>The delivery guarantee is the pipeline's: every document of a batch is acknowledged by Elasticsearch (or found
 * stale, or dead-lettered with its reason), then {@code news.indexed.v1} is published for what was indexed, and only
 * then is the batch acknowledged (manual acks, committed by the container in poll order). When partitions are
 * revoked, the consumer's batches in flight are finished first, so that what they did is committed.
 */
class ArticleBatchListener implements ConsumerAwareRebalanceListener {

	static final String LISTENER_ID = "article-indexer";

	private final BulkWriter bulkWriter;

	private final long maxBulkBytes;

	private final PipelineFactory pipelines;

	private final Duration drainOnRevoke;

	private final Map<Consumer<?, ?>, IndexingPipeline> byConsumer = new ConcurrentHashMap<>();

	ArticleBatchListener(BulkWriter bulkWriter, long maxBulkBytes, PipelineFactory pipelines, Duration drainOnRevoke) {
		this.bulkWriter = bulkWriter;
		this.maxBulkBytes = maxBulkBytes;
		this.pipelines = pipelines;
		this.drainOnRevoke = drainOnRevoke;
	}

	@KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = Topics.ARTICLES, batch = "true", autoStartup = "false")
	void onPoll(List<ConsumerRecord<String, byte[]>> records, Acknowledgment acknowledgment, Consumer<?, ?> consumer) {
		List<PendingArticle> undecodable = new ArrayList<>();
		List<IndexingPipeline.Chunk> chunks = new ArrayList<>();
		List<CompletableFuture<List<BulkWriter.ItemResult>>> sent = new ArrayList<>();
		for (List<DecodedArticle> chunk : chunks(decode(records, undecodable))) {
			chunks.add(new IndexingPipeline.Chunk(chunk.stream().map(DecodedArticle::pending).toList()));
			sent.add(this.bulkWriter.index(chunk));
		}
		IndexingPipeline pipeline = this.byConsumer.computeIfAbsent(consumer, this.pipelines::create);
		pipeline.submit(new IndexingPipeline.Batch(chunks, undecodable, acknowledgment), sent, consumer.assignment());
	}

	@Override
	public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		IndexingPipeline pipeline = this.byConsumer.get(consumer);
		if (pipeline != null && !partitions.isEmpty()) {
			pipeline.awaitDrained(this.drainOnRevoke);
		}
	}

	/** Stops every pipeline: what is still in flight is not acknowledged, and is consumed again after a restart. */
	void close() {
		this.byConsumer.values().forEach(IndexingPipeline::close);
		this.byConsumer.clear();
	}

	private static List<DecodedArticle> decode(List<ConsumerRecord<String, byte[]>> records,
			List<PendingArticle> undecodable) {
		List<DecodedArticle> decoded = new ArrayList<>(records.size());
		for (ConsumerRecord<String, byte[]> record : records) {
			if (record.value() == null) {
				undecodable.add(PendingArticle.undecodable(record, "record has no value"));
				continue;
			}
			try {
				ArticleEvent article = EventJson.read(record.value(), ArticleEvent.class);
				decoded.add(new DecodedArticle(PendingArticle.decoded(record, article.articleId()), article));
			}
			catch (MalformedEventException ex) {
				undecodable.add(PendingArticle.undecodable(record, ex.getMessage()));
			}
		}
		return decoded;
	}

	/** Splits a poll so that no bulk request exceeds the byte bound (event size approximates document size). */
	private List<List<DecodedArticle>> chunks(List<DecodedArticle> decoded) {
		List<List<DecodedArticle>> chunks = new ArrayList<>();
		List<DecodedArticle> current = new ArrayList<>();
		long bytes = 0;
		for (DecodedArticle article : decoded) {
			long size = article.json().length;
			if (!current.isEmpty() && bytes + size > this.maxBulkBytes) {
				chunks.add(current);
				current = new ArrayList<>();
				bytes = 0;
			}
			current.add(article);
			bytes += size;
		}
		if (!current.isEmpty()) {
			chunks.add(current);
		}
		return chunks;
	}

	/** Makes the pipeline of a consumer the first time it delivers a batch. */
	@FunctionalInterface
	interface PipelineFactory {

		IndexingPipeline create(Consumer<?, ?> consumer);

	}

}
