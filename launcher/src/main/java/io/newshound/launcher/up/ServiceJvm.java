package io.newshound.launcher.up;

import java.util.List;

/**
 * How a service's JVM is started, by {@code up} and by the benchmarks (which must measure what users run).
 * Serial GC and C1 only: a laptop running six JVMs and Elasticsearch gains more from small, quick-starting
 * processes than from peak throughput. The heap cap is the 300 MB budget of issue 8 (bench figure 6); each
 * service keeps under 100 MB live under load.
 */
public final class ServiceJvm {

	/** JVM options put before {@code -jar}. */
	public static final List<String> OPTIONS = List.of("-Xmx300m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	private ServiceJvm() {
	}

}
