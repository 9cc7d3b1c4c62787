package io.newshound.launcher.up;

import java.util.List;

/**
 * How a service's JVM is started, by {@code up} and by the benchmarks (which must measure what users run).
 * Serial GC and C1 only: a laptop running six JVMs and Elasticsearch gains more from small, quick-starting
 * processes than from peak throughput. The heap cap keeps each service within its 300 MB budget (issue 8, figure 6).
 */
public final class ServiceJvm {

	/** JVM options put before {@code -jar}. */
	public static final List<String> OPTIONS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	private ServiceJvm() {
	}

}
