package io.newshound.launcher.up;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * What {@code up} tells the user: one line per start-up step, then a status line that is rewritten
 * in place on a terminal and printed every half minute otherwise (a log file must not fill with
 * carriage returns).
 */
final class Console {

	private static final Duration PLAIN_STATUS_EVERY = Duration.ofSeconds(30);

	private final PrintStream out;

	private final boolean terminal;

	private long lastPlainStatus;

	private boolean statusShown;

	Console(PrintStream out, boolean terminal) {
		this.out = out;
		this.terminal = terminal;
	}

	synchronized void line(String text) {
		clearStatus();
		this.out.println(text);
		this.out.flush();
	}

	void ready(String component, String where, long startNanos) {
		line(String.format(Locale.ROOT, "  ✓ %-16s %s  (%.1f s)", component, where, seconds(startNanos)));
	}

	synchronized void status(String text) {
		if (this.terminal) {
			this.out.print("\r\033[K" + text);
			this.out.flush();
			this.statusShown = true;
		}
		else if (System.nanoTime() - this.lastPlainStatus > PLAIN_STATUS_EVERY.toNanos() || this.lastPlainStatus == 0) {
			this.lastPlainStatus = System.nanoTime();
			this.out.println(text);
			this.out.flush();
		}
	}

	private void clearStatus() {
		if (this.statusShown) {
			this.out.print("\r\033[K");
			this.statusShown = false;
		}
	}

	static double seconds(long startNanos) {
		return (System.nanoTime() - startNanos) / 1e9;
	}

}
