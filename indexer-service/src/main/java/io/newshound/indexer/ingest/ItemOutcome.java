package io.newshound.indexer.ingest;

/** What became of one consumed record in one bulk attempt. */
enum ItemOutcome {

	/** Elasticsearch acknowledged the document. */
	INDEXED,

	/** Elasticsearch holds a newer version of the article; this older event changes nothing. */
	STALE,

	/** Worth retrying: 429, 5xx, or no answer at all. */
	TRANSIENT,

	/** Will never succeed as it is (malformed event, mapping error): dead-lettered. */
	PERMANENT;

	static ItemOutcome ofStatus(int status) {
		if (status >= 200 && status < 300) {
			return INDEXED;
		}
		if (status == 409) {
			return STALE;
		}
		if (status == 429 || status >= 500) {
			return TRANSIENT;
		}
		return PERMANENT;
	}

}
