package io.newshound.search.api;

/** Elasticsearch did not answer, or not in time; answered 503 with {@code Retry-After}. */
class SearchUnavailableException extends RuntimeException {

	SearchUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
