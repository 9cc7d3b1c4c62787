package io.newshound.indexer.ingest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newshound.events.Topics;

import org.springframework.kafka.support.Acknowledgment;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The batches of one consumer between their bulk requests and their acknowledgement. Their requests are in flight
 * together; one thread of its own finishes them strictly in poll order: waits for the batch's bulk responses, retries
 * the batch's requests with backoff while Elasticsearch does not take them (for as long as it takes: the writes are
 * idempotent and nothing is dropped), dead-letters what can never be indexed, announces what was indexed on
 * {@code news.indexed.v1}, and only then acknowledges the batch.
 *
 * <p>When the record bytes or the bulk requests in flight reach their bound, the consumer's partitions are paused (the
 * consumer keeps polling, so it stays in its group however long Elasticsearch is away) and resumed once the oldest
 * batches are finished.
 */
final class IndexingPipeline {

	private static final Logger logger = LoggerFactory.getLogger(IndexingPipeline.class);

	private final BulkWriter writer;

	private final IndexerEvents events;

	private final IndexerMetrics metrics;

	private final BackOff backOff;

	private final Pauser pauser;

	private final long maxInFlightBytes;

	private final int maxInFlightRequests;

	private final Thread finisher;

	/** Batches sent and not finished, oldest first; guarded by {@code this}. */
	private final Deque<InFlight> queue = new ArrayDeque<>();

	private int inFlightRecords;

	private long inFlightBytes;

	private int inFlightRequests;

	private Set<TopicPartition> paused;

	private volatile boolean closed;

	IndexingPipeline(String name, BulkWriter writer, IndexerEvents events, IndexerMetrics metrics, BackOff backOff,
			Pauser pauser, long maxInFlightBytes, int maxInFlightRequests) {
		this.writer = writer;
		this.events = events;
		this.metrics = metrics;
		this.backOff = backOff;
		this.pauser = pauser;
		this.maxInFlightBytes = maxInFlightBytes;
		this.maxInFlightRequests = maxInFlightRequests;
		this.finisher = new Thread(this::finishInOrder, name);
		this.finisher.setDaemon(true);
		this.finisher.start();
	}

	/**
	 * Queues a batch whose bulk requests were sent, to be finished after the ones before it; on the consumer thread.
	 * @param sent the responses to the batch's chunks, in order ({@link BulkWriter#index})
	 * @param assignment the consumer's partitions, paused when the pipeline is full
	 */
	void submit(Batch batch, List<CompletableFuture<List<BulkWriter.ItemResult>>> sent,
			Set<TopicPartition> assignment) {
		InFlight inFlight = new InFlight(batch, sent);
		synchronized (this) {
			this.queue.addLast(inFlight);
			this.inFlightRecords += batch.records();
			this.inFlightBytes += batch.bytes();
			this.inFlightRequests += batch.chunks().size();
			if (full() && this.paused == null && !assignment.isEmpty()) {
				this.paused = Set.copyOf(assignment);
				this.pauser.pause(this.paused);
			}
			notifyAll();
		}
	}

	/** Waits until every batch submitted so far is finished, or the time is up. */
	synchronized boolean awaitDrained(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.inFlightRecords > 0 && !this.closed) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				logger.warn("{} record(s) still in flight after {}; they will be consumed again", this.inFlightRecords,
						timeout);
				return false;
			}
			try {
				wait(Math.max(1, left / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	/** Stops finishing batches; those not acknowledged yet are consumed again by whoever owns their partitions next. */
	void close() {
		this.closed = true;
		this.finisher.interrupt();
		synchronized (this) {
			notifyAll();
		}
	}

	private void finishInOrder() {
		while (!this.closed) {
			InFlight head;
			synchronized (this) {
				while (this.queue.isEmpty() && !this.closed) {
					try {
						wait();
					}
					catch (InterruptedException ex) {
						return;
					}
				}
				head = this.queue.peekFirst();
			}
			if (head == null || !finish(head)) {
				return;
			}
			released(head.batch);
		}
	}

	/** Finishes the oldest batch, retrying until it succeeds; {@code false} when the pipeline was closed meanwhile. */
	private boolean finish(InFlight head) {
		BackOffExecution pauses = null;
		while (!this.closed) {
			try {
				complete(head.batch, head.sent);
				return true;
			}
			catch (RuntimeException ex) {
				int failed = (ex instanceof TransientIndexingException transientFailure) ? transientFailure.getFailedItems()
						: head.batch.records();
				this.metrics.transientFailures.increment(failed);
				pauses = (pauses != null) ? pauses : this.backOff.start();
				long pause = pauses.nextBackOff();
				logger.warn("Batch of {} record(s) not indexed now, again in {} ms: {}", head.batch.records(), pause,
						ex.getMessage());
				if (!Sleeper.sleep(pause)) {
					return false;
				}
				resendFailed();
			}
		}
		return false;
	}

	/**
	 * Sends again every batch whose requests failed: the oldest, which is retried, and those behind it that failed
	 * in the meantime, so that they recover together rather than one refresh after another.
	 */
	private synchronized void resendFailed() {
		for (InFlight inFlight : this.queue) {
			if (inFlight.sent.stream().anyMatch(CompletableFuture::isCompletedExceptionally)) {
				inFlight.sent = inFlight.batch.chunks()
					.stream()
					.map((chunk) -> this.writer.indexAgain(chunk.articles()))
					.toList();
			}
		}
	}

	/** The batch's outcomes, in order of effect: dead letters, announcements, then the acknowledgement. */
	private void complete(Batch batch, List<CompletableFuture<List<BulkWriter.ItemResult>>> sent) {
		List<PendingArticle> deadLetters = new ArrayList<>(batch.undecodable());
		List<Indexed> indexed = new ArrayList<>();
		int stale = 0;
		for (int c = 0; c < sent.size(); c++) {
			List<PendingArticle> chunk = batch.chunks().get(c).articles();
			List<BulkWriter.ItemResult> results = join(sent.get(c));
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
					case INDEXED -> indexed.add(new Indexed(pending, result.index(), result.version()));
					case STALE -> stale++;
					case PERMANENT -> deadLetters.add(pending.refused(
							"elasticsearch refused the document (" + result.status() + "): " + result.reason()));
					case TRANSIENT -> throw new IllegalStateException("handled above");
				}
			}
		}
		int permanent = deadLetters.size() - batch.undecodable().size();
		this.events.deadLetter(deadLetters);
		this.events.announceIndexed(indexed);
		batch.acknowledgment().acknowledge();
		this.metrics.permanentFailures.increment(deadLetters.size());
		this.metrics.deadLetteredFailures.increment(deadLetters.size());
		this.metrics.indexed.increment(indexed.size());
		this.metrics.stale.increment(stale);
		this.metrics.deadLettered.increment(deadLetters.size());
		if (!deadLetters.isEmpty()) {
			logger.warn("Dead-lettered {} record(s) ({} refused by Elasticsearch) to {}, first: {}", deadLetters.size(),
					permanent, Topics.ARTICLES_DLT, deadLetters.get(0).failure());
		}
	}

	private synchronized void released(Batch batch) {
		this.queue.pollFirst();
		this.inFlightRecords -= batch.records();
		this.inFlightBytes -= batch.bytes();
		this.inFlightRequests -= batch.chunks().size();
		if (this.paused != null && !full()) {
			this.pauser.resume(this.paused);
			this.paused = null;
		}
		notifyAll();
	}

	private boolean full() {
		return this.inFlightBytes >= this.maxInFlightBytes || this.inFlightRequests >= this.maxInFlightRequests;
	}

	private static List<BulkWriter.ItemResult> join(CompletableFuture<List<BulkWriter.ItemResult>> response) {
		try {
			return response.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	/** A batch and its requests' responses (replaced when they are sent again, by the finishing thread only). */
	private static final class InFlight {

		private final Batch batch;

		private volatile List<CompletableFuture<List<BulkWriter.ItemResult>>> sent;

		InFlight(Batch batch, List<CompletableFuture<List<BulkWriter.ItemResult>>> sent) {
			this.batch = batch;
			this.sent = sent;
		}

	}

	/**
	 * The articles of one bulk request of a batch, in the request's order.
	 *
	 * @param articles the decoded records
	 */
	record Chunk(List<PendingArticle> articles) {
	}

	/**
	 * One poll.
	 *
	 * @param chunks its bulk requests
	 * @param undecodable records that could not be decoded, dead-lettered with the batch
	 * @param acknowledgment commits the poll's offsets
	 */
	record Batch(List<Chunk> chunks, List<PendingArticle> undecodable, Acknowledgment acknowledgment) {

		int records() {
			return this.undecodable.size() + this.chunks.stream().mapToInt((chunk) -> chunk.articles().size()).sum();
		}

		/** The records' values, as consumed: what the batch holds while it waits, besides its documents' JSON. */
		long bytes() {
			return Stream.concat(this.undecodable.stream(), this.chunks.stream().flatMap((chunk) -> chunk.articles().stream()))
				.mapToLong(PendingArticle::bytes)
				.sum();
		}

	}

	/**
	 * An article Elasticsearch acknowledged.
	 *
	 * @param pending the record it came in
	 * @param index the concrete index
	 * @param version the document version
	 */
	record Indexed(PendingArticle pending, String index, long version) {
	}

	/** Pauses and resumes partitions of the listener container (applied by the consumer thread at its next poll). */
	interface Pauser {

		void pause(Collection<TopicPartition> partitions);

		void resume(Collection<TopicPartition> partitions);

	}

}
