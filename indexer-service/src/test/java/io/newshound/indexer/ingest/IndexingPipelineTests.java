package io.newshound.indexer.ingest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.newshound.events.Topics;

import org.springframework.util.backoff.FixedBackOff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pipeline's bound on what it holds: partitions are paused once the record bytes in flight reach it, whatever
 * the number of records, and resumed when the oldest batch is finished. Every item comes back stale, so finishing
 * a batch announces nothing and needs no broker.
 */
class IndexingPipelineTests {

	private static final long BOUND = 10_000;

	private static final Set<TopicPartition> ASSIGNMENT = Set.of(new TopicPartition(Topics.ARTICLES, 0));

	private final List<String> pauser = new CopyOnWriteArrayList<>();

	private final IndexingPipeline pipeline = new IndexingPipeline("test-pipeline", null,
			new IndexerEvents(null, Clock.systemUTC()), new IndexerMetrics(new SimpleMeterRegistry()),
			new FixedBackOff(10), new IndexingPipeline.Pauser() {

				@Override
				public void pause(Collection<TopicPartition> partitions) {
					IndexingPipelineTests.this.pauser.add("pause " + partitions);
				}

				@Override
				public void resume(Collection<TopicPartition> partitions) {
					IndexingPipelineTests.this.pauser.add("resume " + partitions);
				}

			}, BOUND, 32);

	private long offset;

	@AfterEach
	void close() {
		this.pipeline.close();
	}

	@Test
	void pausesOnceTheRecordBytesInFlightReachTheBoundAndResumesWhenTheOldestBatchIsFinished() {
		AtomicInteger acknowledged = new AtomicInteger();
		CompletableFuture<List<BulkWriter.ItemResult>> first = new CompletableFuture<>();
		CompletableFuture<List<BulkWriter.ItemResult>> second = new CompletableFuture<>();

		this.pipeline.submit(batch(2, 3_000, acknowledged), List.of(first), ASSIGNMENT);
		assertThat(this.pauser).isEmpty();
		this.pipeline.submit(batch(2, 3_000, acknowledged), List.of(second), ASSIGNMENT);
		assertThat(this.pauser).containsExactly("pause " + ASSIGNMENT);

		first.complete(stale(2));
		await().until(() -> this.pauser.size() == 2);
		assertThat(this.pauser).containsExactly("pause " + ASSIGNMENT, "resume " + ASSIGNMENT);
		assertThat(acknowledged).hasValue(1);

		second.complete(stale(2));
		await().until(() -> acknowledged.get() == 2);
		assertThat(this.pauser).hasSize(2);
	}

	@Test
	void countsBytesNotRecords() {
		AtomicInteger acknowledged = new AtomicInteger();
		this.pipeline.submit(batch(900, 10, acknowledged), List.of(new CompletableFuture<>()), ASSIGNMENT);
		assertThat(this.pauser).as("900 records of 10 bytes").isEmpty();

		this.pipeline.submit(batch(1, (int) BOUND, acknowledged), List.of(new CompletableFuture<>()), ASSIGNMENT);
		assertThat(this.pauser).as("then one of the bound's size").containsExactly("pause " + ASSIGNMENT);
	}

	private IndexingPipeline.Batch batch(int records, int bytesEach, AtomicInteger acknowledged) {
		List<PendingArticle> articles = new ArrayList<>();
		for (int i = 0; i < records; i++) {
			long at = this.offset++;
			articles.add(PendingArticle.decoded(
					new ConsumerRecord<>(Topics.ARTICLES, 0, at, "article-" + at, new byte[bytesEach]), "article-" + at));
		}
		return new IndexingPipeline.Batch(List.of(new IndexingPipeline.Chunk(articles)), List.of(),
				acknowledged::incrementAndGet);
	}

	private static List<BulkWriter.ItemResult> stale(int items) {
		return Collections.nCopies(items,
				new BulkWriter.ItemResult(ItemOutcome.STALE, 409, "news-articles-v1", 0, "version_conflict_engine_exception"));
	}

}
