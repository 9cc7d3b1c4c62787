package io.newshound.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;

import tools.jackson.databind.JsonNode;

import io.newshound.stack.ChildProcess;

/**
 * One service running as its own JVM, started as {@code ./newshound up} starts it, so that its memory is real.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final ChildProcess process;

	private final Path logFile;

	ServiceProcess(String name, int port, ChildProcess process, Path logFile) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.logFile = logFile;
	}

	public String name() {
		return this.name;
	}

	public String url() {
		return "http://127.0.0.1:" + this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	public Path logFile() {
		return this.logFile;
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Waits until its health endpoint says UP. */
	void awaitUp(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			if (!this.process.isAlive()) {
				throw new BenchException(this.name + " exited with code " + this.process.exitValue()
						+ " while starting; see " + this.logFile);
			}
			if (get("/actuator/health").contains("\"UP\"")) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new BenchException(this.name + " was not UP within " + timeout.toSeconds() + " s; see " + this.logFile);
			}
			Pause.of(Duration.ofMillis(500));
		}
	}

	/** The body of a GET on this service, or an empty string when it does not answer. */
	public String get(String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build();
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchException("interrupted while asking " + this.name + " for " + path);
		}
	}

	/**
	 * One statistic ({@code VALUE}, {@code COUNT}, {@code TOTAL_TIME}) of one of the service's meters, from
	 * {@code /actuator/metrics} (a few bytes, where a Prometheus scrape would cost the service real CPU); empty when
	 * the service does not answer or has no such meter.
	 * @param meter the meter's name, with tag selectors if any ({@code jvm.memory.used?tag=area:heap})
	 */
	public OptionalDouble metric(String meter, String statistic) {
		String body = get("/actuator/metrics/" + meter);
		if (!body.startsWith("{")) {
			return OptionalDouble.empty();
		}
		for (JsonNode measurement : Elasticsearch.JSON.readTree(body).path("measurements")) {
			if (measurement.path("statistic").asString("").equals(statistic)) {
				return OptionalDouble.of(measurement.path("value").asDouble());
			}
		}
		return OptionalDouble.empty();
	}

	/** Peak and current resident memory from {@code /proc}, in bytes ({@code VmHWM}, {@code VmRSS}). */
	public long[] residentMemory() {
		long peak = 0;
		long current = 0;
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
				if (line.startsWith("VmHWM:")) {
					peak = kilobytes(line) * 1024;
				}
				else if (line.startsWith("VmRSS:")) {
					current = kilobytes(line) * 1024;
				}
			}
		}
		catch (IOException ex) {
			// the process ended: nothing more to read
		}
		return new long[] { peak, current };
	}

	/**
	 * Stops the JVM where it is ({@code SIGSTOP}), as a debugger would: it keeps its heap, its compiled code and its
	 * connections, and does nothing until {@link #resume()}.
	 */
	public void suspend() {
		signal("STOP");
	}

	/** Lets a {@link #suspend() suspended} JVM run on ({@code SIGCONT}). */
	public void resume() {
		signal("CONT");
	}

	private void signal(String signal) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).inheritIO().start();
			if (kill.waitFor() != 0) {
				throw new BenchException("kill -" + signal + " " + pid() + " failed (" + this.name + ")");
			}
		}
		catch (IOException ex) {
			throw new BenchException("cannot signal " + this.name + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchException("interrupted while signalling " + this.name, ex);
		}
	}

	private static long kilobytes(String line) {
		return Long.parseLong(line.replaceAll("[^0-9]", ""));
	}

	@Override
	public void close() {
		this.process.close();
	}

}
