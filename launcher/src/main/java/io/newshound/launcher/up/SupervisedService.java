package io.newshound.launcher.up;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.newshound.launcher.LaunchException;
import io.newshound.stack.ChildProcess;
import io.newshound.stack.LogTail;

/**
 * One service run as a child JVM and kept running: when it dies it is restarted with exponential
 * backoff (1 s doubling to 1 min, reset after 5 minutes of good health), and {@link #state()} says so
 * for the status line.
 */
final class SupervisedService implements AutoCloseable {

	private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

	private static final Duration HEALTHY_RESET = Duration.ofMinutes(5);

	private final ServiceSpec spec;

	private final Path logFile;

	private final Console console;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "supervisor");
		thread.setDaemon(true);
		return thread;
	});

	private volatile ChildProcess process;

	private volatile boolean closing;

	private volatile String state = "starting";

	private volatile long startedAt;

	private int restarts;

	SupervisedService(ServiceSpec spec, Path logDir, Console console) {
		this.spec = spec;
		this.logFile = logDir.resolve(spec.name() + ".log");
		this.console = console;
	}

	ServiceSpec spec() {
		return this.spec;
	}

	String state() {
		return this.state;
	}

	/** Starts the service and waits until it answers HTTP. */
	void start(Duration timeout) {
		launch();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!answersHttp()) {
			if (!this.process.isAlive()) {
				throw new LaunchException(this.spec.name() + " exited with code " + this.process.exitValue()
						+ " while starting; last lines of " + this.logFile + ":\n" + LogTail.read(this.logFile));
			}
			if (System.nanoTime() > deadline) {
				throw new LaunchException(this.spec.name() + " did not answer on " + this.spec.url() + " within "
						+ timeout.toSeconds() + " s; see " + this.logFile);
			}
			pause(Duration.ofMillis(250));
		}
		this.state = "up";
		this.watcher.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
	}

	private void launch() {
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		command.addAll(ServiceJvm.options(this.spec.name()));
		command.addAll(List.of("-jar", this.spec.jar().toString()));
		command.addAll(this.spec.arguments());
		this.startedAt = System.nanoTime();
		this.process = ChildProcess.start(this.spec.name(), new ProcessBuilder(command), this.logFile);
	}

	private void watch() {
		if (this.closing || this.process.isAlive()) {
			if (System.nanoTime() - this.startedAt > HEALTHY_RESET.toNanos()) {
				this.restarts = 0;
			}
			return;
		}
		int exit = this.process.exitValue();
		this.process.close();
		Duration backoff = backoff(this.restarts++);
		this.state = "restarting in " + backoff.toSeconds() + " s (exit " + exit + ", restart " + this.restarts + ")";
		this.console.line("  ! " + this.spec.name() + " exited with code " + exit + "; restarting in "
				+ backoff.toSeconds() + " s (log: " + this.logFile + ")");
		pause(backoff);
		if (!this.closing) {
			launch();
			this.state = "up (restarted " + this.restarts + "×)";
		}
	}

	static Duration backoff(int restarts) {
		long seconds = 1L << Math.min(restarts, 6);
		return Duration.ofSeconds(Math.min(seconds, MAX_BACKOFF.toSeconds()));
	}

	private boolean answersHttp() {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.spec.url() + "/actuator/health"))
			.timeout(Duration.ofSeconds(2))
			.build();
		try {
			this.http.send(request, HttpResponse.BodyHandlers.discarding());
			return true;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchException("interrupted while waiting for " + this.spec.name(), ex);
		}
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.closing = true;
		this.watcher.shutdownNow();
		ChildProcess current = this.process;
		if (current != null) {
			current.close();
		}
	}

}
