package io.newshound.bench.memory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.newshound.bench.stack.ServiceProcess;

/**
 * Samples each service's heap (through {@code /actuator/metrics}) and resident memory ({@code /proc}) every
 * second while the benchmarks load it, and keeps the peaks. The peak resident size comes from the kernel's
 * high-water mark, so it misses nothing between samples; the heap peak is the largest sampled value.
 */
public final class MemorySampler implements AutoCloseable {

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

	/**
	 * Starts watching a service (and keeps its peaks after it stops). Watched again, by a later figure, its peaks go
	 * on and the later load is added to the description.
	 */
	public synchronized void watch(ServiceProcess service, String load) {
		this.services.put(service.name(), service);
		Peak peak = this.peaks.computeIfAbsent(service.name(), (name) -> new Peak(load));
		if (!peak.load.contains(load)) {
			peak.load = peak.load + "; " + load;
		}
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
		peak.heapUsedBytes = Math.max(peak.heapUsedBytes, metric(service, "jvm.memory.used?tag=area:heap"));
		peak.heapCommittedBytes = Math.max(peak.heapCommittedBytes, metric(service, "jvm.memory.committed?tag=area:heap"));
		peak.liveAfterGcBytes = Math.max(peak.liveAfterGcBytes, metric(service, "jvm.gc.live.data.size"));
		long max = metric(service, "jvm.memory.max?tag=area:heap");
		if (max > 0) {
			peak.heapMaxBytes = max;
		}
		peak.samples++;
	}

	private static long metric(ServiceProcess service, String gauge) {
		return (long) service.metric(gauge, "VALUE").orElse(0);
	}

	@Override
	public void close() {
		this.timer.shutdownNow();
	}

	/** The largest values seen for one service, in bytes. */
	public static final class Peak {

		String load;

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
