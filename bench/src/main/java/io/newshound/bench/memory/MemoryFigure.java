package io.newshound.bench.memory;

import java.util.Map;

import io.newshound.bench.report.Figure;
import io.newshound.bench.report.Metric;
import io.newshound.bench.report.Target;
import io.newshound.launcher.up.ServiceJvm;

/** Figure 6: the peak heap and resident memory of each service while the other figures loaded it. */
public final class MemoryFigure {

	static final double HEAP_TARGET_MB = 300;

	private MemoryFigure() {
	}

	public static Figure of(Map<String, MemorySampler.Peak> peaks) {
		Figure.Builder figure = new Figure.Builder(6, "Memory under load")
			.baseline("the issue's budget of 300 MB heap per service");
		peaks.forEach((name, peak) -> {
			figure.metric(Metric.against(name + " peak heap used", mb(peak.heapUsedBytes), "MB", Target.atMost(HEAP_TARGET_MB)));
			if (peak.liveAfterGcBytes > 0) {
				figure.metric(Metric.of(name + " live heap after GC (peak)", mb(peak.liveAfterGcBytes), "MB"));
			}
			else {
				// jvm.gc.live.data.size is set by old-generation collections only: 0 means none happened, not 0 MB
				figure.note(name + ": no old-generation collection during the run, so no live heap after GC to show");
			}
			figure.metric(Metric.of(name + " peak heap committed", mb(peak.heapCommittedBytes), "MB"));
			figure.metric(Metric.of(name + " peak RSS", mb(peak.residentBytes), "MB"));
			figure.note(name + ": under " + peak.load + "; " + peak.samples + " samples, heap limit "
					+ (long) mb(peak.heapMaxBytes) + " MB");
		});
		figure.note("Services run with the launcher's JVM options (" + String.join("; ",
				peaks.keySet().stream().map((name) -> name + ": " + String.join(" ", ServiceJvm.options(name))).toList())
				+ "). Heap used is sampled every second from /actuator/metrics (jvm.memory.used, area heap, summed over "
				+ "pools), so the peak is the largest sample; live heap after GC is jvm.gc.live.data.size, what the "
				+ "service actually retains; peak RSS is the kernel's VmHWM, exact.");
		return figure.build();
	}

	static double mb(long bytes) {
		return Math.round(bytes / (1024.0 * 1024.0));
	}

}
