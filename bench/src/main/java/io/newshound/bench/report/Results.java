package io.newshound.bench.report;

import java.time.Instant;
import java.util.List;

/**
 * One run of the benchmarks: everything {@code RESULTS.md} and {@code results.json} hold.
 *
 * @param command the command that reproduces it
 * @param mode {@code quick} or {@code full}
 * @param date when it started
 * @param minutes how long it took
 * @param machine where it ran
 * @param loadAverageAtEnd the one-minute load average when it ended
 * @param figures the figures, by number
 * @param notes about the run as a whole
 */
public record Results(String command, String mode, Instant date, double minutes, Machine machine,
		double loadAverageAtEnd, List<Figure> figures, List<String> notes) {

	public Results {
		figures = List.copyOf(figures);
		notes = List.copyOf(notes);
	}

}
