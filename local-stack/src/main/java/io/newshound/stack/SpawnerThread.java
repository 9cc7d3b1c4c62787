package io.newshound.stack;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Forks every child process from one daemon thread that lives as long as the JVM.
 *
 * <p>Children run under {@code setpriv --pdeathsig KILL}, and Linux sends that signal when the
 * <em>thread</em> that forked the child ends, not the process. Forking from whichever thread
 * called {@code start} would kill Elasticsearch as soon as, say, a JUnit worker or a launcher's
 * start-up thread finished. A single-thread executor keeps its one thread until the JVM exits
 * (a task's exception is captured by its future and does not end the thread).
 */
final class SpawnerThread {

	private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "newshound-local-stack-spawner");
		thread.setDaemon(true);
		return thread;
	});

	private SpawnerThread() {
	}

	static Process start(ProcessBuilder builder) throws IOException {
		Future<Process> started = SPAWNER.submit(builder::start);
		try {
			return started.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while starting " + builder.command().get(0), ex);
		}
	}

}
