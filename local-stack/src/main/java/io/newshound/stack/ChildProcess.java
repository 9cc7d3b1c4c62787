package io.newshound.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A process started by the local stack, with its output in a log file rather than on the console.
 * {@link #close()} stops it and every process it started; so does a shutdown hook if this JVM
 * exits first, and the kernel if this JVM dies abruptly (see {@link Setpriv}).
 */
public final class ChildProcess implements AutoCloseable {

	/** Elasticsearch and Kafka both shut down cleanly within a few seconds on SIGTERM. */
	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private static final Duration ORPHAN_GRACE = Duration.ofSeconds(5);

	private final String component;

	private final Process process;

	private final Path logFile;

	private final Thread shutdownHook;

	private final AtomicBoolean stopped = new AtomicBoolean();

	private ChildProcess(String component, Process process, Path logFile) {
		this.component = component;
		this.process = process;
		this.logFile = logFile;
		this.shutdownHook = new Thread(this::stop, component + "-stopper");
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * Starts {@code builder}'s command with stdout and stderr written to {@code logFile}
	 * (replacing the log of an earlier start) and stdin closed.
	 */
	public static ChildProcess start(String component, ProcessBuilder builder, Path logFile) {
		try {
			Files.createDirectories(logFile.getParent());
			builder.redirectErrorStream(true).redirectOutput(logFile.toFile());
			Process process = SpawnerThread.start(builder);
			process.getOutputStream().close();
			return new ChildProcess(component, process, logFile);
		}
		catch (IOException ex) {
			throw new StackException(component, "could not run " + String.join(" ", builder.command()) + ": "
					+ ex.getMessage(), ex);
		}
	}

	/** Runs a short command to completion; fails with its log tail on a non-zero exit or a timeout. */
	static void run(String component, ProcessBuilder builder, Path logFile, Duration timeout) {
		try (ChildProcess child = start(component, builder, logFile)) {
			if (!child.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw child.failure(String.join(" ", builder.command()) + " did not finish within "
						+ timeout.toSeconds() + " s");
			}
			if (child.process.exitValue() != 0) {
				throw child.failure(String.join(" ", builder.command()) + " failed with exit code "
						+ child.process.exitValue());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StackException(component, "interrupted while running " + builder.command(), ex);
		}
	}

	/** The process id, for tools that read its memory or profile it (the benchmarks). */
	public long pid() {
		return this.process.pid();
	}

	public boolean isAlive() {
		return this.process.isAlive();
	}

	public int exitValue() {
		return this.process.exitValue();
	}

	/** An exception that carries this process's log tail. */
	StackException failure(String reason) {
		return new StackException(this.component, reason, this.logFile, null);
	}

	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// the JVM is already exiting: the hook runs (or ran) stop() itself
		}
		stop();
	}

	/**
	 * SIGTERM to the process we started, which stops its own children cleanly; then SIGTERM to
	 * whatever of its tree outlived it (orphans nobody else would stop), and SIGKILL to what is
	 * still alive after that. The tree is listed first because children whose parent exited are
	 * re-parented and no longer show up as its descendants.
	 */
	private void stop() {
		if (!this.stopped.compareAndSet(false, true)) {
			return;
		}
		List<ProcessHandle> tree = Stream.concat(Stream.of(this.process.toHandle()), this.process.descendants())
			.toList();
		this.process.destroy();
		awaitExit(List.of(this.process.toHandle()), STOP_GRACE);
		List<ProcessHandle> survivors = tree.stream().filter(ProcessHandle::isAlive).toList();
		survivors.forEach(ProcessHandle::destroy);
		if (!awaitExit(survivors, ORPHAN_GRACE)) {
			survivors.forEach(ProcessHandle::destroyForcibly);
			awaitExit(survivors, ORPHAN_GRACE);
		}
	}

	private static boolean awaitExit(List<ProcessHandle> processes, Duration timeout) {
		CompletableFuture<?>[] exits = processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
		try {
			CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException | ExecutionException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
