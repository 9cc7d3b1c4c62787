package io.newshound.bench.indexing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time so far of the processes that share the machine during figure 1 (this JVM and its descendants:
 * Elasticsearch, the Kafka broker, the services), by role, from the kernel's accounting
 * ({@link ProcessHandle.Info#totalCpuDuration()}). Two snapshots give each role's share of the cores in between,
 * which tells where a load's CPU went.
 */
record CpuTimes(long nanos, Map<String, Duration> byRole) {

	static CpuTimes now() {
		Map<String, Duration> byRole = new LinkedHashMap<>();
		add(byRole, "harness", ProcessHandle.current());
		ProcessHandle.current().descendants().forEach((process) -> add(byRole, role(process), process));
		return new CpuTimes(System.nanoTime(), byRole);
	}

	private static void add(Map<String, Duration> byRole, String role, ProcessHandle process) {
		process.info().totalCpuDuration().ifPresent((cpu) -> byRole.merge(role, cpu, Duration::plus));
	}

	private static String role(ProcessHandle process) {
		String command = commandLine(process);
		if (command.contains("org.elasticsearch")) {
			return "Elasticsearch";
		}
		if (command.contains("kafka.Kafka")) {
			return "Kafka broker";
		}
		for (String service : new String[] { "indexer-service", "search-service", "crawler-service" }) {
			if (command.contains(service)) {
				return service;
			}
		}
		return "other";
	}

	/**
	 * The whole command line: {@link ProcessHandle.Info#commandLine()} is cut short on Linux, before the main class
	 * that follows a long class path.
	 */
	private static String commandLine(ProcessHandle process) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
					StandardCharsets.UTF_8).replace('\0', ' ');
		}
		catch (IOException | RuntimeException ex) {
			return process.info().commandLine().orElse("");
		}
	}

	/** Cores each role used from {@code earlier} to this snapshot. */
	Map<String, Double> coresSince(CpuTimes earlier) {
		double seconds = (this.nanos - earlier.nanos) / 1e9;
		Map<String, Double> cores = new LinkedHashMap<>();
		this.byRole.forEach((role, cpu) -> {
			Duration before = earlier.byRole.getOrDefault(role, Duration.ZERO);
			double used = cpu.minus(before).toNanos() / 1e9 / seconds;
			if (used >= 0.005) {
				cores.put(role, used);
			}
		});
		return cores;
	}

	/** Milliseconds of CPU {@code role} used from {@code earlier} to this snapshot. */
	double millisSince(CpuTimes earlier, String role) {
		return this.byRole.getOrDefault(role, Duration.ZERO)
			.minus(earlier.byRole.getOrDefault(role, Duration.ZERO))
			.toNanos() / 1e6;
	}

	static String describe(Map<String, Double> cores) {
		return cores.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.map((entry) -> String.format(Locale.ROOT, "%s %.2f", entry.getKey(), entry.getValue()))
			.collect(Collectors.joining(", "));
	}

}
