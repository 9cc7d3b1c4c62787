package io.newshound.indexer.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The indexer's own meters, registered at start so that every series exists (at zero) before the
 * first failure. On {@code /actuator/prometheus}:
 * <ul>
 * <li>{@code newshound_indexer_documents_total{outcome=indexed|stale|dead_lettered}}: what became of
 * each consumed record; {@code rate(...{outcome="indexed"}[1m])} is documents per second. A poll
 * replayed after a crash or a transient failure counts its documents again.</li>
 * <li>{@code newshound_indexer_failures_total{kind=transient|permanent|dead_lettered}}: documents of a
 * bulk attempt that failed for now and are retried (per attempt), records that can never be indexed
 * (undecodable, or refused by Elasticsearch with a 4xx), and those of them published to the
 * dead-letter topic.</li>
 * <li>{@code newshound_indexer_bulk_latency_seconds} (histogram): one bulk request, acknowledgement and
 * refresh included.</li>
 * </ul>
 * Consumer lag comes from Spring Boot's Kafka client metrics
 * ({@code kafka_consumer_fetch_manager_records_lag_max} and per partition
 * {@code kafka_consumer_fetch_manager_records_lag}).
 */
class IndexerMetrics {

	static final String DOCUMENTS = "newshound.indexer.documents";

	static final String FAILURES = "newshound.indexer.failures";

	static final String BULK_LATENCY = "newshound.indexer.bulk.latency";

	final Counter indexed;

	final Counter stale;

	final Counter deadLettered;

	final Counter transientFailures;

	final Counter permanentFailures;

	final Counter deadLetteredFailures;

	final Timer bulkLatency;

	IndexerMetrics(MeterRegistry meters) {
		this.indexed = documents(meters, "indexed");
		this.stale = documents(meters, "stale");
		this.deadLettered = documents(meters, "dead_lettered");
		this.transientFailures = failures(meters, "transient");
		this.permanentFailures = failures(meters, "permanent");
		this.deadLetteredFailures = failures(meters, "dead_lettered");
		this.bulkLatency = Timer.builder(BULK_LATENCY)
			.description("Time of one bulk request, Elasticsearch acknowledgement and refresh included")
			.publishPercentileHistogram()
			.register(meters);
	}

	private static Counter documents(MeterRegistry meters, String outcome) {
		return Counter.builder(DOCUMENTS)
			.description("Consumed records by outcome")
			.tag("outcome", outcome)
			.register(meters);
	}

	private static Counter failures(MeterRegistry meters, String kind) {
		return Counter.builder(FAILURES)
			.description("Indexing failures by kind: transient (retried), permanent, dead_lettered")
			.tag("kind", kind)
			.register(meters);
	}

}
