package io.newshound.bench.report;

/**
 * What a figure must reach, from the issue: a value at least or at most a bound.
 *
 * @param atLeast whether the value must be at least {@code bound} (else at most)
 * @param bound the bound
 */
public record Target(boolean atLeast, double bound) {

	public static Target atLeast(double bound) {
		return new Target(true, bound);
	}

	public static Target atMost(double bound) {
		return new Target(false, bound);
	}

	public boolean isMetBy(double value) {
		return this.atLeast ? value >= this.bound : value <= this.bound;
	}

	@Override
	public String toString() {
		return (this.atLeast ? "≥ " : "≤ ") + Metric.format(this.bound);
	}

}
