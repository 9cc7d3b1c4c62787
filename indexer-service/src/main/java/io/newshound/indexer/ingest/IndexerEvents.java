package io.newshound.indexer.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import io.newshound.events.EventJson;
import io.newshound.events.Topics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * What the indexer publishes: dead letters with the reason and original coordinates in headers (the
 * header names of spring-kafka's dead-letter recoverer, so its tooling reads them), and announcements
 * of searchable articles. Both wait for the broker's acknowledgement, because the offsets are committed
 * right after.
 */
class IndexerEvents {

	private static final long SEND_TIMEOUT_SECONDS = 30;

	private final KafkaTemplate<String, byte[]> template;

	private final Clock clock;

	IndexerEvents(KafkaTemplate<String, byte[]> template, Clock clock) {
		this.template = template;
		this.clock = clock;
	}

	void deadLetter(List<PendingArticle> failed) {
		List<CompletableFuture<?>> sends = new ArrayList<>(failed.size());
		for (PendingArticle pending : failed) {
			ConsumerRecord<String, byte[]> original = pending.record();
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ARTICLES_DLT, original.key(),
					original.value());
			Headers headers = record.headers();
			original.headers().forEach(headers::add);
			headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, bytes(pending.failure()));
			headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, bytes(original.topic()));
			headers.add(KafkaHeaders.DLT_ORIGINAL_PARTITION, bytes(Integer.toString(original.partition())));
			headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, bytes(Long.toString(original.offset())));
			headers.add(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, bytes(Long.toString(original.timestamp())));
			sends.add(this.template.send(record));
		}
		awaitAll(sends);
	}

	/** Announces each article with the bytes it was consumed in ({@link EventJson#writeIndexed}). */
	void announceIndexed(List<IndexingPipeline.Indexed> indexed) {
		List<CompletableFuture<?>> sends = new ArrayList<>(indexed.size());
		for (IndexingPipeline.Indexed item : indexed) {
			String articleId = item.pending().articleId();
			byte[] event = EventJson.writeIndexed(articleId, item.index(), item.version(), this.clock.instant(),
					item.pending().record().value());
			sends.add(this.template.send(Topics.INDEXED, articleId, event));
		}
		awaitAll(sends);
	}

	private static void awaitAll(List<CompletableFuture<?>> sends) {
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TransientIndexingException("interrupted while publishing", sends.size(), ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new TransientIndexingException("Kafka did not acknowledge: " + ex.getMessage(), sends.size(), ex);
		}
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
