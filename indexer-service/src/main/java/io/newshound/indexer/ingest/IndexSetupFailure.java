package io.newshound.indexer.ingest;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;

/**
 * Why setting up the index failed, and whether waiting can fix it.
 *
 * @param permanent Elasticsearch refused the request (a 4xx other than 408 and 429): it will refuse
 * it again until someone changes the cluster or the indexer's configuration
 * @param reason the cause as Elasticsearch or the client stated it
 * @param fix what to do about a permanent failure, {@code null} for a transient one
 */
record IndexSetupFailure(boolean permanent, String reason, String fix) {

	static final String PLUGIN_FIX = "Is the newshound-analysis plugin installed on the Elasticsearch nodes? "
			+ "Install search-analysis-plugin's zip on every node (bin/elasticsearch-plugin install --batch "
			+ "file:///path/to/search-analysis-plugin-<version>.zip) and restart them.";

	static final String GENERIC_FIX = "Fix what Elasticsearch names above (the index template, the index, "
			+ "or the permissions of the indexer's user).";

	static IndexSetupFailure of(Exception failure) {
		if (failure instanceof ElasticsearchException ex) {
			String reason = "HTTP " + ex.status() + ", " + ex.error().type() + ": " + ex.error().reason();
			if (!isRefusal(ex.status())) {
				return new IndexSetupFailure(false, reason, null);
			}
			return new IndexSetupFailure(true, reason, isAboutAnalysis(reason) ? PLUGIN_FIX : GENERIC_FIX);
		}
		if (failure instanceof TransportException ex) {
			String reason = "HTTP " + ex.statusCode() + ": " + ex.getMessage();
			return new IndexSetupFailure(isRefusal(ex.statusCode()), reason, isRefusal(ex.statusCode()) ? GENERIC_FIX : null);
		}
		String message = (failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getName();
		return new IndexSetupFailure(false, message, null);
	}

	private static boolean isRefusal(int status) {
		return status >= 400 && status < 500 && status != 408 && status != 429;
	}

	/** Elasticsearch names the analyzer, filter or tokenizer it could not find. */
	private static boolean isAboutAnalysis(String reason) {
		return reason.contains("newshound_") || reason.contains("analyzer") || reason.contains("filter")
				|| reason.contains("tokenizer");
	}

}
