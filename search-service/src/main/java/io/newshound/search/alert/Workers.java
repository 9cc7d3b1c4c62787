package io.newshound.search.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads alerts run on, each a loop meant to last until the application stops. A worker that ends before that,
 * by an exception or by returning, is remembered with its reason: alerts are then not delivered, and the health
 * indicator says so instead of reporting UP.
 */
final class Workers {

	private static final Logger logger = LoggerFactory.getLogger(Workers.class);

	private final List<Thread> threads = new ArrayList<>();

	private final Map<String, String> stopped = new ConcurrentHashMap<>();

	private volatile boolean running = true;

	/** Starts {@code work}, a loop that lasts until the application stops, on a daemon thread named {@code name}. */
	void start(String name, Runnable work) {
		start(name, work, true);
	}

	/** Starts {@code work}, which ends when done, on a daemon thread named {@code name}. */
	void startOnce(String name, Runnable work) {
		start(name, work, false);
	}

	private void start(String name, Runnable work, boolean lasting) {
		Thread thread = new Thread(() -> run(name, work, lasting), name);
		thread.setDaemon(true);
		synchronized (this.threads) {
			this.threads.add(thread);
		}
		thread.start();
	}

	private void run(String name, Runnable work, boolean lasting) {
		try {
			work.run();
			if (lasting && this.running) {
				this.stopped.put(name, "ended");
				logger.error("Alerts: {} ended while alerts were running", name);
			}
		}
		catch (RuntimeException ex) {
			if (this.running) {
				this.stopped.put(name, ex.toString());
				logger.error("Alerts: {} stopped", name, ex);
			}
		}
	}

	/** The workers that ended before {@link #stopping()}, with why. */
	Map<String, String> stopped() {
		return Map.copyOf(this.stopped);
	}

	/** From now on a worker that ends is expected to. */
	void stopping() {
		this.running = false;
	}

	/**
	 * Interrupts the worker named {@code interrupted} (the others end on their own closed flag: a Kafka consumer
	 * interrupted while closing does not leave its group) and waits up to 10 s for each.
	 */
	void join(String interrupted) {
		List<Thread> started;
		synchronized (this.threads) {
			started = new ArrayList<>(this.threads);
			this.threads.clear();
		}
		for (Thread thread : started) {
			if (thread.getName().equals(interrupted)) {
				thread.interrupt();
			}
		}
		for (Thread thread : started) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
