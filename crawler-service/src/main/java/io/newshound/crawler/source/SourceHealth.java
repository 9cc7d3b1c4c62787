package io.newshound.crawler.source;

import java.time.Instant;

/**
 * The runtime health of one source: when it was polled, what came of it. Updated by the crawl
 * pipeline from several threads, read by {@code GET /api/sources}; every method is synchronized.
 */
public final class SourceHealth {

	private final Source source;

	private Instant lastPoll;

	private Instant lastSuccess;

	private String lastError;

	private Instant lastErrorAt;

	private Instant nextPoll;

	private long articlesFound;

	private long articlesPublished;

	private long refusedRequests;

	private int consecutiveFailures;

	SourceHealth(Source source) {
		this.source = source;
	}

	public Source source() {
		return this.source;
	}

	public synchronized void pollStarted(Instant at) {
		this.lastPoll = at;
		this.nextPoll = null;
	}

	/** The poll reached its feed, sitemap or page and found {@code found} article links. */
	public synchronized void pollSucceeded(Instant at, int found) {
		this.lastSuccess = at;
		this.articlesFound = found;
		this.consecutiveFailures = 0;
	}

	/** The poll could not read its feed, sitemap or page. */
	public synchronized void pollFailed(Instant at, String error) {
		this.consecutiveFailures++;
		error(at, error);
	}

	/** Something went wrong below the poll (one article), recorded without failing the poll. */
	public synchronized void error(Instant at, String error) {
		this.lastError = error;
		this.lastErrorAt = at;
	}

	public synchronized void articlePublished() {
		this.articlesPublished++;
	}

	/** A request was refused by the address guard. */
	public synchronized void refused() {
		this.refusedRequests++;
	}

	public synchronized void nextPoll(Instant at) {
		this.nextPoll = at;
	}

	/** Consecutive failed polls, for backoff. */
	public synchronized int consecutiveFailures() {
		return this.consecutiveFailures;
	}

	public synchronized SourceStatus status() {
		return new SourceStatus(this.source.name(), this.source.url().toString(),
				this.source.kind().name().toLowerCase(java.util.Locale.ROOT), this.source.tags(),
				this.source.pollInterval().toString(), this.lastPoll, this.lastSuccess, this.lastError, this.lastErrorAt,
				this.articlesFound, this.articlesPublished, this.refusedRequests, this.nextPoll);
	}

}
