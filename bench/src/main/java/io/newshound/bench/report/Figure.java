package io.newshound.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One figure of the report: what was measured against which baseline, the numbers, and for each number short
 * of its target the cause as far as it is known.
 *
 * @param number its number in issue 8 (1–6)
 * @param title what it shows
 * @param baseline what it is compared with, measured in the same run
 * @param measured whether it ran; when not, {@code notes} say why
 * @param seconds how long it took
 * @param metrics the numbers
 * @param notes how it was measured, and anything a reader needs to trust the numbers
 * @param gaps for numbers short of their target: the cause, from profiling
 */
public record Figure(int number, String title, String baseline, boolean measured, double seconds, List<Metric> metrics,
		List<String> notes, List<String> gaps) {

	public Figure {
		metrics = List.copyOf(metrics);
		notes = List.copyOf(notes);
		gaps = List.copyOf(gaps);
	}

	/** A figure that could not be measured in this run, and why. */
	public static Figure notMeasured(int number, String title, String reason) {
		return new Figure(number, title, "", false, 0, List.of(), List.of(reason), List.of());
	}

	/** The metrics that have a target and miss it. */
	public List<Metric> shortfalls() {
		return this.metrics.stream().filter((metric) -> Boolean.FALSE.equals(metric.met())).toList();
	}

	/** Collects a figure's numbers as it runs. */
	public static final class Builder {

		private final int number;

		private final String title;

		private final long start = System.nanoTime();

		private String baseline = "";

		private final List<Metric> metrics = new ArrayList<>();

		private final List<String> notes = new ArrayList<>();

		private final List<String> gaps = new ArrayList<>();

		public Builder(int number, String title) {
			this.number = number;
			this.title = title;
		}

		public Builder baseline(String baseline) {
			this.baseline = baseline;
			return this;
		}

		public Builder metric(Metric metric) {
			this.metrics.add(metric);
			return this;
		}

		public Builder note(String note) {
			this.notes.add(note);
			return this;
		}

		public Builder gap(String cause) {
			this.gaps.add(cause);
			return this;
		}

		public Figure build() {
			return new Figure(this.number, this.title, this.baseline, true, (System.nanoTime() - this.start) / 1e9,
					this.metrics, this.notes, this.gaps);
		}

	}

}
