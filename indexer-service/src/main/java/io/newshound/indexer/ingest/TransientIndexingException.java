package io.newshound.indexer.ingest;

/**
 * Elasticsearch could not take the batch now (429, 5xx, unreachable). The listener container retries
 * the whole batch with backoff while consumption is paused; nothing is committed meanwhile.
 */
class TransientIndexingException extends RuntimeException {

	private final int failedItems;

	TransientIndexingException(String message, int failedItems, Throwable cause) {
		super(message, cause);
		this.failedItems = failedItems;
	}

	int getFailedItems() {
		return this.failedItems;
	}

}
