package io.newshound.bench.stack;

import java.time.Duration;

/** Waiting between polls of something the benchmark watches. */
public final class Pause {

	private Pause() {
	}

	public static void of(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchException("interrupted", ex);
		}
	}

}
