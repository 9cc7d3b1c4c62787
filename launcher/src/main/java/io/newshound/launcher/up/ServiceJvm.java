package io.newshound.launcher.up;

import java.util.ArrayList;
import java.util.List;

/**
 * How a service's JVM is started, by {@code up} and by the benchmarks (which must measure what users run).
 * Serial GC and, except for the indexer, C1 only: a laptop running six JVMs and Elasticsearch gains more from
 * small, quick-starting processes than from peak throughput. The heap cap is the 300 MB budget of issue 8 (bench
 * figure 6); the search service and the crawler keep under 100 MB live under load, the indexer up to about 170 MB
 * while it drains a backlog (its batches in flight, bounded by {@code newshound.indexer.bulk.max-in-flight-bytes}).
 */
public final class ServiceJvm {

	/** The service whose JVM keeps the full JIT (C2). */
	static final String INDEXER = "indexer-service";

	private static final List<String> COMMON = List.of("-Xmx300m", "-XX:+UseSerialGC");

	private ServiceJvm() {
	}

	/**
	 * JVM options put before {@code -jar} for the service {@code name} (its module, such as
	 * {@code crawler-service}). The indexer keeps C2: draining a backlog, its taxonomy matching and JSON work run
	 * on the same two cores as Elasticsearch, and C1's code for them costs about twice the CPU (bench figure 1).
	 */
	public static List<String> options(String name) {
		List<String> options = new ArrayList<>(COMMON);
		if (!INDEXER.equals(name)) {
			options.add("-XX:TieredStopAtLevel=1");
		}
		return List.copyOf(options);
	}

}
