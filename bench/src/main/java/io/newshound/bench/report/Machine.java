package io.newshound.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a run was measured on.
 *
 * @param cpu the processor model
 * @param cores processors available to the JVM
 * @param memoryMb total memory
 * @param os operating system and kernel
 * @param java the JVM running the harness
 * @param loadAverage the one-minute load average when the run started: above zero, other work shared the machine
 */
public record Machine(String cpu, int cores, long memoryMb, String os, String java, double loadAverage) {

	public static Machine current() {
		return new Machine(readCpu(), Runtime.getRuntime().availableProcessors(), readMemoryMb(),
				System.getProperty("os.name") + " " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")",
				System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), currentLoadAverage());
	}

	public static double currentLoadAverage() {
		return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
	}

	private static String readCpu() {
		for (String line : lines("/proc/cpuinfo")) {
			if (line.startsWith("model name")) {
				return line.substring(line.indexOf(':') + 1).strip();
			}
		}
		return System.getProperty("os.arch");
	}

	private static long readMemoryMb() {
		for (String line : lines("/proc/meminfo")) {
			if (line.startsWith("MemTotal:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
			}
		}
		return Runtime.getRuntime().maxMemory() / (1024 * 1024);
	}

	private static List<String> lines(String file) {
		try {
			return Files.readAllLines(Path.of(file));
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
