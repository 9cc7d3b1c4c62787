package io.newshound.bench.report;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One number of a figure.
 *
 * @param name what was measured, such as {@code "ratio indexer / raw _bulk"}
 * @param value the value
 * @param unit its unit ({@code "articles/s"}, {@code "ms"}, {@code "MB"}, {@code ""} for a ratio)
 * @param target what it must reach, or {@code null} when the issue sets none
 */
public record Metric(String name, double value, String unit, Target target) {

	public static Metric of(String name, double value, String unit) {
		return new Metric(name, value, unit, null);
	}

	public static Metric against(String name, double value, String unit, Target target) {
		return new Metric(name, value, unit, target);
	}

	/** {@code null} without a target. */
	@JsonProperty(value = "met", access = JsonProperty.Access.READ_ONLY)
	public Boolean met() {
		return (this.target != null) ? this.target.isMetBy(this.value) : null;
	}

	/** Three significant digits at most, no exponent: what a reader compares. */
	static String format(double value) {
		if (Double.isNaN(value)) {
			return "n/a";
		}
		double magnitude = Math.abs(value);
		if (magnitude >= 100 || value == Math.rint(value)) {
			return String.format(Locale.ROOT, "%,.0f", value);
		}
		if (magnitude >= 10) {
			return String.format(Locale.ROOT, "%.1f", value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

}
