package io.newshound.bench;

import java.io.PrintStream;
import java.util.Locale;

/** Progress lines, each with the time since the run started: a long run must show that it is moving. */
public final class Console {

	private final PrintStream out;

	private final long start = System.nanoTime();

	public Console(PrintStream out) {
		this.out = out;
	}

	public void line(String text) {
		long seconds = (System.nanoTime() - this.start) / 1_000_000_000L;
		this.out.printf(Locale.ROOT, "[%2d:%02d] %s%n", seconds / 60, seconds % 60, text);
		this.out.flush();
	}

	public double minutes() {
		return (System.nanoTime() - this.start) / 60e9;
	}

}
