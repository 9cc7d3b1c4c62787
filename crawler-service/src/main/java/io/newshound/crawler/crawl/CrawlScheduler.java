package io.newshound.crawler.crawl;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.newshound.crawler.fetch.HostOwnership;
import io.newshound.crawler.source.SourceHealth;
import io.newshound.crawler.source.SourceRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Polls every source whose host this instance owns, on the source's interval. A single timer thread
 * decides when; a fixed pool of {@code concurrency} workers does the polls (and the article links
 * other instances hand over, {@link #execute}), so at most that many are in flight at once. Each
 * source is rescheduled only when its poll has ended, so a slow source never has two polls queued or
 * running. Started and stopped with the application context.
 *
 * <p>A crawler that works alone owns every host and so polls every source, the first ones staggered
 * from the start. When several instances share the work ({@link HostOwnership}), a source whose host
 * this instance gains is polled soon (staggered likewise), and one whose host it loses is no longer
 * scheduled here; a poll of it that is running ends at its next request (see {@link SourcePoller}).
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

	private final HostOwnership ownership;

	/** Sources this instance polls, with their next poll (absent while a poll runs). */
	private final Map<String, ScheduledFuture<?>> scheduled = new HashMap<>();

	/** Sources this instance polls (scheduled or running). */
	private final Set<String> mine = new HashSet<>();

	/** Sources whose poll is running. */
	private final Set<String> running = new HashSet<>();

	private volatile ScheduledExecutorService timer;

	private volatile ExecutorService workers;

	private volatile boolean started;

	/** A scheduler for a crawler that works alone: every source is polled. */
	public CrawlScheduler(SourceRegistry registry, SourcePoller poller, int concurrency, boolean autoStartup,
			Clock clock) {
		this(registry, poller, concurrency, autoStartup, clock, HostOwnership.everything());
	}

	/** A scheduler that polls the sources whose host {@code ownership} says this instance owns. */
	public CrawlScheduler(SourceRegistry registry, SourcePoller poller, int concurrency, boolean autoStartup,
			Clock clock, HostOwnership ownership) {
		this.registry = registry;
		this.poller = poller;
		this.concurrency = concurrency;
		this.autoStartup = autoStartup;
		this.clock = clock;
		this.ownership = ownership;
		ownership.onChange(this::reconcile);
	}

	@Override
	public void start() {
		synchronized (this) {
			if (this.started) {
				return;
			}
			this.timer = Executors.newSingleThreadScheduledExecutor(threads("crawl-timer"));
			this.workers = new ThreadPoolExecutor(this.concurrency, this.concurrency, 0, TimeUnit.MILLISECONDS,
					new LinkedBlockingQueue<>(), threads("crawl-worker-"));
			this.started = true;
		}
		int polled = reconcile();
		log.info("Crawl scheduler started: {} sources, {} polled here for now, {} polls at a time",
				this.registry.all().size(), polled, this.concurrency);
	}

	/**
	 * Brings the schedule in line with the hosts owned: sources newly owned are scheduled (staggered),
	 * sources no longer owned are dropped.
	 * @return the number of sources this instance polls
	 */
	private synchronized int reconcile() {
		if (!this.started) {
			return 0;
		}
		List<SourceHealth> sources = this.registry.all();
		int added = 0;
		for (SourceHealth health : sources) {
			String name = health.source().name();
			boolean owned = this.ownership.owns(health.source().url().getHost());
			if (owned && this.mine.add(name)) {
				if (!this.running.contains(name)) {
					schedule(health, STAGGER.multipliedBy(added++));
				}
			}
			else if (!owned && this.mine.remove(name)) {
				ScheduledFuture<?> next = this.scheduled.remove(name);
				if (next != null) {
					next.cancel(false);
				}
				health.nextPoll(null);
			}
		}
		return this.mine.size();
	}

	private void schedule(SourceHealth health, Duration delay) {
		String name = health.source().name();
		health.nextPoll(this.clock.instant().plus(delay));
		try {
			this.scheduled.put(name, this.timer.schedule(() -> startPoll(health), delay.toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (RejectedExecutionException ex) {
			// stopping
		}
	}

	private void startPoll(SourceHealth health) {
		String name = health.source().name();
		synchronized (this) {
			if (!this.started || !this.mine.contains(name) || !this.running.add(name)) {
				return;
			}
			this.scheduled.remove(name);
		}
		try {
			this.workers.execute(() -> run(health));
		}
		catch (RejectedExecutionException ex) {
			synchronized (this) {
				this.running.remove(name);
			}
		}
	}

	private void run(SourceHealth health) {
		try {
			this.poller.poll(health);
		}
		catch (RuntimeException ex) {
			log.error("source '{}' poll crashed", health.source().name(), ex);
		}
		finally {
			synchronized (this) {
				String name = health.source().name();
				this.running.remove(name);
				if (this.started && this.mine.contains(name)) {
					schedule(health, health.source().pollInterval());
				}
			}
		}
	}

	/**
	 * Runs {@code task} on a worker, within the global concurrency bound.
	 * @throws RejectedExecutionException if the scheduler is not running
	 */
	public void execute(Runnable task) {
		ExecutorService pool = this.workers;
		if (!this.started || pool == null) {
			throw new RejectedExecutionException("the crawl scheduler is not running");
		}
		pool.execute(task);
	}

	/**
	 * Polls the source called {@code name} now, on a worker, outside its schedule. (When several
	 * instances share the work, the requests of a source whose host another instance owns end as
	 * {@code NOT_OWNED}.)
	 * @return the report, or a failed future when there is no such source or the scheduler is stopped
	 */
	public CompletableFuture<PollReport> pollNow(String name) {
		SourceHealth health = this.registry.health(name);
		if (health == null || !this.started) {
			return CompletableFuture.failedFuture(new IllegalStateException(
					(health == null) ? "no source called '" + name + "'" : "the scheduler is not running"));
		}
		return CompletableFuture.supplyAsync(() -> this.poller.poll(health), this.workers);
	}

	@Override
	public void stop() {
		synchronized (this) {
			if (!this.started) {
				return;
			}
			this.started = false;
			this.scheduled.clear();
			this.mine.clear();
			this.timer.shutdownNow();
			this.workers.shutdownNow();
		}
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
		return this.started;
	}

	@Override
	public boolean isAutoStartup() {
		return this.autoStartup;
	}

	/** Starts before, and stops after, what hands it work ({@code CrawlMembership}). */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 1;
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
