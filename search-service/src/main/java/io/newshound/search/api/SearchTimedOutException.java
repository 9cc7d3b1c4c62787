package io.newshound.search.api;

/**
 * Elasticsearch stopped a search at its time limit ({@code newshound.search.query-timeout}) and reported
 * {@code timed_out}: its hits are partial, so they are not served; answered 503 "Search timed out".
 */
class SearchTimedOutException extends RuntimeException {

	private final String operation;

	SearchTimedOutException(String operation) {
		super("Elasticsearch stopped the '" + operation + "' search at its time limit");
		this.operation = operation;
	}

	String getOperation() {
		return this.operation;
	}

}
