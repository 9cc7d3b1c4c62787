package io.newshound.bench.load;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a set of latencies, in milliseconds.
 *
 * @param count how many were recorded
 * @param p50 median
 * @param p95 95th percentile
 * @param p99 99th percentile
 * @param max the largest
 */
public record Latencies(long count, double p50, double p95, double p99, double max) {

	/** From a histogram of microseconds. */
	public static Latencies ofMicros(Histogram histogram) {
		return new Latencies(histogram.getTotalCount(), histogram.getValueAtPercentile(50) / 1000.0,
				histogram.getValueAtPercentile(95) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0,
				histogram.getMaxValue() / 1000.0);
	}

	/** A histogram for latencies from 1 µs to 10 minutes, three significant digits. */
	public static Histogram histogram() {
		return new Histogram(600_000_000L, 3);
	}

}
