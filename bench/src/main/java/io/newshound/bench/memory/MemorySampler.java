package io.newshound.bench.memory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newshound.bench.stack.ServiceProcess;

/**
 * Samples each service's heap (through its Prometheus endpoint) and resident memory ({@code /proc}) twice a
 * second while the benchmarks load it, and keeps the peaks. The peak resident size comes from the kernel's
 * high-water mark, so it misses nothing between samples; the heap peak is the largest sampled value.
 */
public final class MemorySampler implements AutoCloseable {

	private static final Pattern HEAP_USED = Pattern
		.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+([0-9.E+-]+)", Pattern.MULTILINE);

	private static final Pattern HEAP_COMMITTED = Pattern
		.compile("^jvm_memory_committed_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+([0-9.E+-]+)", Pattern.MULTILINE);

	private static final Pattern HEAP_MAX = Pattern
		.compile("^jvm_memory_max_bytes\\{[^}]*area=\"heap\"[^}]*\\}\\s+([0-9.E+-]+)", Pattern.MULTILINE);

	private static final Pattern LIVE_AFTER_GC = Pattern.compile("^jvm_gc_live_data_size_bytes(?:\\{[^}]*\\})?\\s+([0-9.E+-]+)",
			Pattern.MULTILINE);

	private final Map<String, Peak> peaks = new LinkedHashMap<>();

	private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "memory-sampler");
		thread.setDaemon(true);
		return thread;
	});

	public MemorySampler(Duration interval) {
		this.timer.scheduleWithFixedDelay(this::sample, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Starts watching a service (and keeps its peaks after it stops). */
	public synchronized void watch(ServiceProcess service, String load) {
		this.services.put(service.name(), service);
		this.peaks.computeIfAbsent(service.name(), (name) -> new Peak(load));
	}

	/** Stops sampling a service, keeping what it saw. */
	public synchronized void forget(ServiceProcess service) {
		sample(service);
		this.services.remove(service.name());
	}

	public synchronized Map<String, Peak> peaks() {
		this.services.values().forEach(this::sample);
		Map<String, Peak> copy = new LinkedHashMap<>();
		this.peaks.forEach((name, peak) -> copy.put(name, peak.copy()));
		return copy;
	}

	private synchronized void sample() {
		this.services.values().forEach(this::sample);
	}

	private void sample(ServiceProcess service) {
		Peak peak = this.peaks.get(service.name());
		long[] resident = service.residentMemory();
		peak.residentBytes = Math.max(peak.residentBytes, resident[0]);
		String metrics = service.get("/actuator/prometheus");
		peak.heapUsedBytes = Math.max(peak.heapUsedBytes, sum(HEAP_USED, metrics));
		peak.heapCommittedBytes = Math.max(peak.heapCommittedBytes, sum(HEAP_COMMITTED, metrics));
		peak.liveAfterGcBytes = Math.max(peak.liveAfterGcBytes, sum(LIVE_AFTER_GC, metrics));
		long max = sum(HEAP_MAX, metrics);
		if (max > 0) {
			peak.heapMaxBytes = max;
		}
		peak.samples++;
	}

	static long sum(Pattern pattern, String metrics) {
		Matcher matcher = pattern.matcher(metrics);
		double total = 0;
		while (matcher.find()) {
			double value = Double.parseDouble(matcher.group(1));
			if (value > 0) {
				total += value;
			}
		}
		return (long) total;
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

	/** The largest values seen for one service, in bytes. */
	public static final class Peak {

		final String load;

		long heapUsedBytes;

		long heapCommittedBytes;

		long heapMaxBytes;

		long liveAfterGcBytes;

		long residentBytes;

		int samples;

		Peak(String load) {
			this.load = load;
		}

		Peak copy() {
			Peak copy = new Peak(this.load);
			copy.heapUsedBytes = this.heapUsedBytes;
			copy.heapCommittedBytes = this.heapCommittedBytes;
			copy.heapMaxBytes = this.heapMaxBytes;
			copy.liveAfterGcBytes = this.liveAfterGcBytes;
			copy.residentBytes = this.residentBytes;
			copy.samples = this.samples;
			return copy;
		}

	}

}
