package io.newshound.bench.indexing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CompletionsTests {

	private static final long SECOND = 1_000_000_000L;

	/** A slow start counts in the whole rate but not in the rate after the warm-up. */
	@Test
	void rateAfterWarmupLeavesTheSlowStartOut() {
		Completions completions = new Completions(0);
		completions.add(4 * SECOND, 100); // 100 documents in the first 4 s: cold
		completions.add(5 * SECOND, 100);
		completions.add(6 * SECOND, 100);
		completions.add(7 * SECOND, 100);
		completions.end(8 * SECOND); // a final refresh
		assertThat(completions.documents()).isEqualTo(400);
		assertThat(completions.rate()).isCloseTo(50, within(1e-9));
		assertThat(completions.rateAfter(100)).isCloseTo(300 / 4.0, within(1e-9));
		assertThat(completions.endingAt(10 * SECOND).rateAfter(100)).isCloseTo(300 / 6.0, within(1e-9));
		assertThat(completions.rateAfter(100)).as("unchanged").isCloseTo(300 / 4.0, within(1e-9));
	}

	/** Requests answered out of order are counted in the order of their answers. */
	@Test
	void completionsAreOrderedByTime() {
		Completions completions = new Completions(0);
		completions.add(3 * SECOND, 10);
		completions.add(1 * SECOND, 10);
		completions.add(2 * SECOND, 10);
		assertThat(completions.rateAfter(10)).isCloseTo(20 / 2.0, within(1e-9));
	}

}
