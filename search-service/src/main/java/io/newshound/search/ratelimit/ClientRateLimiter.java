package io.newshound.search.ratelimit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: each holds up to {@code burst} tokens and gains {@code requestsPerSecond} per
 * second; a request takes one. At most {@code maxClients} buckets are kept, the least recently used forgotten
 * first (a forgotten client starts again with a full bucket), so memory is bounded whatever the number of
 * addresses. Thread-safe; a call is a few arithmetic operations under a lock, never a wait.
 */
final class ClientRateLimiter {

	private final double tokensPerNano;

	private final double burst;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets;

	/**
	 * @param requestsPerSecond sustained rate per client
	 * @param burst most requests a client may make at once
	 * @param maxClients most clients remembered
	 * @param nanoTime the clock ({@link System#nanoTime} outside tests)
	 */
	ClientRateLimiter(double requestsPerSecond, int burst, int maxClients, LongSupplier nanoTime) {
		if (requestsPerSecond <= 0 || burst < 1 || maxClients < 1) {
			throw new IllegalArgumentException("rate, burst and client count must be positive");
		}
		this.tokensPerNano = requestsPerSecond / 1e9;
		this.burst = burst;
		this.nanoTime = nanoTime;
		this.buckets = new LinkedHashMap<>(64, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > maxClients;
			}

		};
	}

	/**
	 * Takes a token for one request of {@code client}.
	 * @param client the client's key, such as its address
	 * @return 0 when the request may go ahead, otherwise the nanoseconds until a token will be there
	 */
	synchronized long acquire(String client) {
		long now = this.nanoTime.getAsLong();
		Bucket bucket = this.buckets.get(client);
		if (bucket == null) {
			bucket = new Bucket(this.burst, now);
			this.buckets.put(client, bucket);
		}
		bucket.tokens = Math.min(this.burst, bucket.tokens + (now - bucket.updated) * this.tokensPerNano);
		bucket.updated = now;
		if (bucket.tokens >= 1) {
			bucket.tokens -= 1;
			return 0;
		}
		return (long) Math.ceil((1 - bucket.tokens) / this.tokensPerNano);
	}

	synchronized int clients() {
		return this.buckets.size();
	}

	private static final class Bucket {

		private double tokens;

		private long updated;

		Bucket(double tokens, long updated) {
			this.tokens = tokens;
			this.updated = updated;
		}

	}

}
