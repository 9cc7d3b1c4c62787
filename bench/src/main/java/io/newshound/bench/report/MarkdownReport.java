package io.newshound.bench.report;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders {@code bench/RESULTS.md}: the machine, the date, every figure with its baseline, gaps and causes. */
public final class MarkdownReport {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private MarkdownReport() {
	}

	public static String render(Results results) {
		StringBuilder md = new StringBuilder();
		md.append("# Newshound benchmark results\n\n");
		md.append("Reproduce with `").append(results.command()).append("` (").append(results.mode())
			.append(" mode; see [README.md](README.md) for what each figure measures and how).\n\n");
		Machine machine = results.machine();
		md.append("| | |\n|---|---|\n");
		md.append("| date | ").append(DATE.format(results.date())).append(" |\n");
		md.append("| duration | ").append(Metric.format(results.minutes())).append(" min |\n");
		md.append("| machine | ").append(machine.cpu()).append(", ").append(machine.cores()).append(" cores, ")
			.append(Metric.format(machine.memoryMb() / 1024.0)).append(" GiB |\n");
		md.append("| system | ").append(machine.os()).append(" |\n");
		md.append("| harness JVM | ").append(machine.java()).append(" |\n");
		md.append("| load average (1 min) | ").append(Metric.format(machine.loadAverage())).append(" at start, ")
			.append(Metric.format(results.loadAverageAtEnd())).append(" at end |\n\n");
		for (String note : results.notes()) {
			md.append("> ").append(note).append("\n\n");
		}
		md.append("## Summary\n\n| figure | number | value | target | |\n|---|---|---|---|---|\n");
		for (Figure figure : results.figures()) {
			if (!figure.measured()) {
				md.append("| ").append(figure.number()).append(". ").append(figure.title()).append(" | not measured | | | |\n");
				continue;
			}
			for (Metric metric : figure.metrics()) {
				if (metric.target() == null) {
					continue;
				}
				md.append("| ").append(figure.number()).append(". ").append(figure.title()).append(" | ")
					.append(metric.name()).append(" | ").append(value(metric)).append(" | ").append(metric.target())
					.append(" | ").append(metric.met() ? "✓ met" : "✗ **gap**").append(" |\n");
			}
		}
		md.append('\n');
		for (Figure figure : results.figures()) {
			figure(md, figure);
		}
		return md.toString();
	}

	private static void figure(StringBuilder md, Figure figure) {
		md.append("## ").append(figure.number()).append(". ").append(figure.title()).append("\n\n");
		if (!figure.measured()) {
			md.append("**Not measured in this run.** ");
			figure.notes().forEach((note) -> md.append(note).append('\n'));
			md.append('\n');
			return;
		}
		if (!figure.baseline().isEmpty()) {
			md.append("Baseline: ").append(figure.baseline()).append("\n\n");
		}
		md.append("| number | value | target |\n|---|---|---|\n");
		for (Metric metric : figure.metrics()) {
			md.append("| ").append(metric.name()).append(" | ").append(value(metric)).append(" | ");
			if (metric.target() != null) {
				md.append(metric.target()).append(metric.met() ? " ✓" : " ✗");
			}
			md.append(" |\n");
		}
		md.append('\n');
		for (String note : figure.notes()) {
			md.append("- ").append(note).append('\n');
		}
		if (!figure.notes().isEmpty()) {
			md.append('\n');
		}
		if (!figure.shortfalls().isEmpty() || !figure.gaps().isEmpty()) {
			md.append("**Gaps.** ");
			for (Metric metric : figure.shortfalls()) {
				md.append(metric.name()).append(" is ").append(value(metric)).append(" against ").append(metric.target())
					.append(". ");
			}
			md.append('\n');
			for (String gap : figure.gaps()) {
				md.append("- ").append(gap).append('\n');
			}
			if (figure.gaps().isEmpty()) {
				md.append("- cause not profiled in this run\n");
			}
			md.append('\n');
		}
		md.append("_(").append(Metric.format(figure.seconds())).append(" s)_\n\n");
	}

	private static String value(Metric metric) {
		String unit = metric.unit().isEmpty() ? "" : " " + metric.unit();
		return Metric.format(metric.value()) + unit;
	}

}
