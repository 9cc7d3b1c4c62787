package io.newshound.crawler.crawl;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.newshound.crawler.source.SourceHealth;
import io.newshound.crawler.source.SourceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Polls every source on its interval. A single timer thread decides when; a fixed pool of
 * {@code concurrency} workers does the polls, so at most that many sources (and so HTTP requests) are
 * in flight at once. Each source is rescheduled only when its poll has ended, so a slow source never
 * has two polls queued or running. Started and stopped with the application context.
 */
public final class CrawlScheduler implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CrawlScheduler.class);

	/** Spacing of the first polls, so that a start does not hit every source in the same instant. */
	private static final Duration STAGGER = Duration.ofMillis(250);

	private final SourceRegistry registry;

	private final SourcePoller poller;

	private final int concurrency;

	private final boolean autoStartup;

	private final Clock clock;

	private volatile ScheduledExecutorService timer;

	private volatile ExecutorService workers;

	private volatile boolean running;

	public CrawlScheduler(SourceRegistry registry, SourcePoller poller, int concurrency, boolean autoStartup,
			Clock clock) {
		this.registry = registry;
		this.poller = poller;
		this.concurrency = concurrency;
		this.autoStartup = autoStartup;
		this.clock = clock;
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(threads("crawl-timer"));
		this.workers = new ThreadPoolExecutor(this.concurrency, this.concurrency, 0, TimeUnit.MILLISECONDS,
				new LinkedBlockingQueue<>(), threads("crawl-worker-"));
		this.running = true;
		List<SourceHealth> sources = this.registry.all();
		for (int i = 0; i < sources.size(); i++) {
			schedule(sources.get(i), STAGGER.multipliedBy(i));
		}
		log.info("Crawl scheduler started: {} sources, {} polls at a time", sources.size(), this.concurrency);
	}

	private void schedule(SourceHealth health, Duration delay) {
		if (!this.running) {
			return;
		}
		health.nextPoll(this.clock.instant().plus(delay));
		this.timer.schedule(() -> this.workers.execute(() -> run(health)), delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void run(SourceHealth health) {
		try {
			this.poller.poll(health);
		}
		catch (RuntimeException ex) {
			log.error("source '{}' poll crashed", health.source().name(), ex);
		}
		finally {
			try {
				schedule(health, health.source().pollInterval());
			}
			catch (java.util.concurrent.RejectedExecutionException ex) {
				// stopping
			}
		}
	}

	/**
	 * Polls the source called {@code name} now, on a worker, outside its schedule.
	 * @return the report, or a failed future when there is no such source or the scheduler is stopped
	 */
	public CompletableFuture<PollReport> pollNow(String name) {
		SourceHealth health = this.registry.health(name);
		if (health == null || !this.running) {
			return CompletableFuture.failedFuture(new IllegalStateException(
					(health == null) ? "no source called '" + name + "'" : "the scheduler is not running"));
		}
		return CompletableFuture.supplyAsync(() -> this.poller.poll(health), this.workers);
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.timer.shutdownNow();
		this.workers.shutdownNow();
		try {
			if (!this.workers.awaitTermination(10, TimeUnit.SECONDS)) {
				log.warn("Crawl workers still busy after 10s; leaving them to end");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		log.info("Crawl scheduler stopped");
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	private static ThreadFactory threads(String prefix) {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix.endsWith("-") ? prefix + count.incrementAndGet() : prefix);
			thread.setDaemon(true);
			return thread;
		};
	}

}
