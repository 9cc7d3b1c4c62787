package io.newshound.bench.load;

/**
 * What a closed-loop run measured.
 *
 * @param clients concurrent clients
 * @param seconds how long it measured
 * @param requests requests completed with a 2xx answer
 * @param errors requests that failed or answered otherwise
 * @param latencies latency of the successful requests
 */
public record LoadResult(int clients, double seconds, long requests, long errors, Latencies latencies) {

	public double throughput() {
		return this.requests / this.seconds;
	}

}
