package io.newshound.stack;

import java.time.Duration;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Waits until a freshly started child answers, fails fast if it exits, and times the start. */
final class Readiness {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

	private final long startedAt = System.nanoTime();

	private final Duration timeout;

	/** Starts the clock; every {@link #await} shares the one {@code timeout}. */
	Readiness(Duration timeout) {
		this.timeout = timeout;
	}

	/**
	 * Polls {@code ready} until it answers true.
	 * @throws StackException with the child's log tail if the child exits first or the timeout
	 * passes
	 */
	void await(ChildProcess child, BooleanSupplier ready, String what) {
		while (!ready.getAsBoolean()) {
			if (!child.isAlive()) {
				throw child.failure("exited with code " + child.exitValue() + " before " + what);
			}
			if (System.nanoTime() - this.startedAt > this.timeout.toNanos()) {
				throw child.failure("not " + what + " within " + this.timeout.toSeconds() + " s");
			}
			try {
				Thread.sleep(POLL_INTERVAL.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw child.failure("interrupted while waiting until " + what);
			}
		}
	}

	/** Seconds since construction, formatted like {@code "34.2 s"}. */
	String elapsed() {
		return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - this.startedAt) / 1e9);
	}

}
