package io.newshound.search.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token buckets: burst, refill, per-client independence and the bound on remembered clients. */
class ClientRateLimiterTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final ClientRateLimiter limiter = new ClientRateLimiter(2, 3, 2, this.now::get);

	@Test
	void aBurstIsAllowedThenTheClientWaitsForTheRefill() {
		assertThat(this.limiter.acquire("a")).isZero();
		assertThat(this.limiter.acquire("a")).isZero();
		assertThat(this.limiter.acquire("a")).isZero();
		assertThat(this.limiter.acquire("a")).isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
		this.now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
		assertThat(this.limiter.acquire("a")).isZero();
	}

	@Test
	void clientsHaveTheirOwnBuckets() {
		for (int i = 0; i < 3; i++) {
			this.limiter.acquire("a");
		}
		assertThat(this.limiter.acquire("a")).isPositive();
		assertThat(this.limiter.acquire("b")).isZero();
	}

	@Test
	void theLeastRecentlySeenClientIsForgotten() {
		this.limiter.acquire("a");
		this.limiter.acquire("b");
		this.limiter.acquire("c");
		assertThat(this.limiter.clients()).isEqualTo(2);
	}

}
