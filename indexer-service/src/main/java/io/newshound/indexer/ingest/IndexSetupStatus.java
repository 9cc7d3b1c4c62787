package io.newshound.indexer.ingest;

import java.time.Clock;
import java.time.Instant;

/**
 * How far {@link IndexerStartup} got, shared with {@link IndexSetupHealthIndicator}. Written by the
 * start-up thread only, read by any.
 */
final class IndexSetupStatus {

	enum Phase {

		/** No attempt finished yet. */
		STARTING,

		/** Elasticsearch did not answer, or answered 408, 429 or 5xx: retried with backoff. */
		WAITING,

		/** Elasticsearch refused the set-up (4xx): an operator must act; retried slowly. */
		REFUSED,

		/** The index exists and consumption started. */
		READY

	}

	/**
	 * @param phase where the start-up is
	 * @param reason the last failure, or {@code null}
	 * @param fix what to do about a refusal, or {@code null}
	 * @param attempts attempts made so far
	 * @param since when the phase began
	 */
	record Snapshot(Phase phase, String reason, String fix, int attempts, Instant since) {
	}

	private final String alias;

	private final Clock clock;

	private volatile Snapshot snapshot;

	IndexSetupStatus(String alias, Clock clock) {
		this.alias = alias;
		this.clock = clock;
		this.snapshot = new Snapshot(Phase.STARTING, null, null, 0, clock.instant());
	}

	String alias() {
		return this.alias;
	}

	Snapshot snapshot() {
		return this.snapshot;
	}

	void failed(IndexSetupFailure failure) {
		Phase phase = failure.permanent() ? Phase.REFUSED : Phase.WAITING;
		Snapshot previous = this.snapshot;
		Instant since = (previous.phase() == phase) ? previous.since() : this.clock.instant();
		this.snapshot = new Snapshot(phase, failure.reason(), failure.fix(), previous.attempts() + 1, since);
	}

	void ready() {
		this.snapshot = new Snapshot(Phase.READY, null, null, this.snapshot.attempts() + 1, this.clock.instant());
	}

}
