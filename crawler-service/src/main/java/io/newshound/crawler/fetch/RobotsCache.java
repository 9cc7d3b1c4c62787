package io.newshound.crawler.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * robots.txt per host (scheme, host and port), fetched once and kept for a while. Follows RFC 9309
 * as crawler-commons implements it: a 4xx (or a robots.txt that cannot be had because of redirects
 * or size) allows everything, a 5xx defers the host, and a host that cannot be reached is not cached
 * so that it is asked again next time.
 */
final class RobotsCache {

	/** The agent name matched against {@code User-agent:} lines. */
	static final String AGENT = "newshound";

	private static final Duration SERVER_ERROR_TTL = Duration.ofMinutes(10);

	private final Function<FetchRequest, FetchResult> fetcher;

	private final SimpleRobotRulesParser parser;

	private final Duration ttl;

	private final Clock clock;

	private final Map<String, CompletableFuture<Entry>> entries = new ConcurrentHashMap<>();

	/**
	 * @param fetcher fetches robots.txt (politely, through the address guard, without robots check)
	 * @param maxCrawlDelay a larger crawl-delay makes the whole host disallowed
	 */
	RobotsCache(Function<FetchRequest, FetchResult> fetcher, Duration ttl, Duration maxCrawlDelay, Clock clock) {
		this.fetcher = fetcher;
		this.ttl = ttl;
		this.clock = clock;
		this.parser = new SimpleRobotRulesParser(maxCrawlDelay.toMillis(), 5);
	}

	/**
	 * The rules for {@code url}'s host.
	 * @param url the URL about to be fetched
	 * @param allowPrivateAddresses passed on to the robots.txt fetch
	 * @return the rules, or the failed fetch when robots.txt could not be reached at all
	 */
	Rules rules(URI url, boolean allowPrivateAddresses) throws InterruptedException {
		String key = key(url);
		while (true) {
			CompletableFuture<Entry> mine = new CompletableFuture<>();
			CompletableFuture<Entry> existing = this.entries.putIfAbsent(key, mine);
			if (existing == null) {
				Entry entry = load(url, allowPrivateAddresses);
				mine.complete(entry);
				if (entry.unreachable() != null) {
					this.entries.remove(key, mine);
				}
				return entry.toRules();
			}
			Entry entry;
			try {
				entry = existing.get();
			}
			catch (ExecutionException ex) {
				this.entries.remove(key, existing);
				continue;
			}
			if (entry.expires().isBefore(this.clock.instant())) {
				this.entries.remove(key, existing);
				continue;
			}
			return entry.toRules();
		}
	}

	private Entry load(URI url, boolean allowPrivateAddresses) {
		URI robotsUrl = URI.create(url.getScheme() + "://" + url.getRawAuthority() + "/robots.txt");
		FetchResult result = this.fetcher
			.apply(new FetchRequest(robotsUrl, Accept.ROBOTS, allowPrivateAddresses, Validators.NONE, false));
		Instant now = this.clock.instant();
		return switch (result.status()) {
			case FETCHED -> new Entry(parse(robotsUrl, result), now.plus(this.ttl), null);
			case HTTP_ERROR -> {
				SimpleRobotRules rules = this.parser.failedFetch(result.httpStatus());
				yield new Entry(rules, now.plus((result.httpStatus() >= 500) ? SERVER_ERROR_TTL : this.ttl), null);
			}
			// not cached: asked again next time (for NOT_OWNED, by the instance that owns the host)
			case IO_ERROR, BLOCKED_ADDRESS, NOT_OWNED -> new Entry(null, now, result);
			default -> new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), now.plus(this.ttl),
					null);
		};
	}

	private BaseRobotRules parse(URI robotsUrl, FetchResult result) {
		// the parser counts warnings in a field: one parse at a time
		synchronized (this.parser) {
			return this.parser.parseContent(robotsUrl.toString(), result.body(),
					(result.mediaType() != null) ? result.mediaType() : "text/plain", List.of(AGENT));
		}
	}

	private static String key(URI url) {
		return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority().toLowerCase(Locale.ROOT);
	}

	/** The rules of one host, or why there are none. */
	record Rules(BaseRobotRules rules, FetchResult unreachable) {

		boolean isAllowed(URI url) {
			return this.rules.isAllowed(url.toString());
		}

		/** The host's crawl-delay, or {@code null} when it sets none. */
		Duration crawlDelay() {
			long millis = this.rules.getCrawlDelay();
			return (millis == BaseRobotRules.UNSET_CRAWL_DELAY || millis <= 0) ? null : Duration.ofMillis(millis);
		}

		/** Whether the host must not be visited now (robots.txt answered 5xx). */
		boolean deferVisits() {
			return this.rules.isDeferVisits();
		}

	}

	private record Entry(BaseRobotRules rules, Instant expires, FetchResult unreachable) {

		Rules toRules() {
			return new Rules(this.rules, this.unreachable);
		}

	}

}
