package io.newshound.bench.alerts;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.HdrHistogram.Histogram;

import io.newshound.bench.BenchContext;
import io.newshound.bench.load.Latencies;
import io.newshound.bench.report.Figure;
import io.newshound.bench.report.Metric;
import io.newshound.bench.stack.BenchException;
import io.newshound.bench.stack.Pause;
import io.newshound.bench.stack.ServiceProcess;
import io.newshound.bench.workload.ArticleProducer;
import io.newshound.bench.workload.Workload;
import io.newshound.events.ArticleEvent;
import io.newshound.search.alert.delivery.AlertMatch;
import io.newshound.search.alert.matching.AlertMatcher;
import io.newshound.search.query.QueryParser;

/**
 * Figure 4's end-to-end half: how long a new article takes from being published to {@code news.articles.v1} (as the
 * crawler publishes it) to arriving as {@code event: match} on the SSE stream of each alert it matches. The real
 * indexer and search service run against the bench's stack; alerts are created through {@code POST /api/alerts}, a
 * few of them timed (their streams open), the rest a realistic background that the matcher must also run; articles
 * are published at a steady rate. Which article must reach which stream is predicted by an {@link AlertMatcher} in
 * this JVM over the articles as published (the timed alerts have no filters, so the indexer's tags cannot change
 * it); anything else received, missing or received twice is counted.
 */
final class DeliveryLatency {

	/**
	 * Articles per second: far above a news day's average (a few hundred feeds make well under one per second), yet
	 * with ~65 matches per article from the background alerts, a delivery load a loaded 2-core machine sustains (at
	 * 20/s the matcher fell behind and latency grew through the run).
	 */
	static final int RATE = 5;

	/** Published before the measured articles, at the same rate: the path's first matches warm its code up. */
	static final int WARMUP_SECONDS = 10;

	/** Background alerts: the first of figure 4's generated queries. */
	static final int BACKGROUND = 1_000;

	/** The timed alerts: companies and topics the corpus writes about, a phrase, a prefix, an OR, a conjunction. */
	static final List<String> TIMED = List.of("openai", "anthropic", "nvidia", "\"google deepmind\"", "microsoft",
			"mistral", "\"hugging face\"", "amd", "cerebras", "groq", "\"lumen labs\"", "tessellate", "funding",
			"regulation", "\"data center\"", "safety", "acquisition", "robot*", "nvidia OR amd", "anthropic safety");

	private DeliveryLatency() {
	}

	static void measure(BenchContext context, Figure.Builder figure) {
		boolean quick = context.options().quick();
		int seconds = quick ? 60 : 120;
		int background = BACKGROUND;
		int warmup = RATE * WARMUP_SECONDS;
		int measured = RATE * seconds;
		var console = context.console();
		console.line("figure 4: delivery: indexer-service and search-service against the stack");
		ServiceProcess indexer = context.stack().runningOrStart("indexer-service", List.of());
		context.memory().watch(indexer, RATE + " articles/s (figure 4)");
		ServiceProcess search = context.stack().service("search-service",
				List.of("--newshound.search.rate-limit.enabled=false"));
		context.memory().watch(search, "figure 4's " + (background + TIMED.size()) + " alerts at " + RATE
				+ " articles/s");
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		AlertApi api = new AlertApi(http, search);
		api.awaitRunning(Duration.ofMinutes(3));
		console.line("figure 4: delivery: creating " + background + " background alerts (AlertSubscriptions' queries) and "
				+ TIMED.size() + " timed ones through POST /api/alerts");
		long began = System.nanoTime();
		int every = Math.max(1, background / 4);
		api.create("bench background", AlertSubscriptions.queries(background), (done) -> {
			if (done % every == 0) {
				console.line("  created " + done + "/" + background);
			}
		});
		List<AlertApi.Created> timed = api.create("bench timed", TIMED, (done) -> {
		});
		double createSeconds = (System.nanoTime() - began) / 1e9;
		api.awaitRegistered(background + TIMED.size(), Duration.ofMinutes(3));
		console.line(String.format(Locale.ROOT, "  %d alerts created in %.1f s and registered by the matcher",
				background + TIMED.size(), createSeconds));

		console.line("figure 4: delivery: generating " + (warmup + measured) + " new full-length articles and the matches "
				+ "expected on the " + TIMED.size() + " timed streams");
		List<ArticleEvent> articles = Workload.alerting(warmup + measured).toList();
		Map<String, Set<String>> expected = expected(timed, articles);
		Set<String> measuredIds = new HashSet<>();
		articles.subList(warmup, articles.size()).forEach((article) -> measuredIds.add(article.articleId()));
		long expectedCount = expected.entrySet()
			.stream()
			.filter((entry) -> measuredIds.contains(entry.getKey()))
			.mapToLong((entry) -> entry.getValue().size())
			.sum();

		Map<String, Long> sent = new ConcurrentHashMap<>();
		List<TimedStreams.Received> received;
		Set<String> unreadable;
		try (TimedStreams streams = new TimedStreams(http, search.url(), timed, measuredIds)) {
			console.line("figure 4: delivery: " + streams.size() + " SSE streams connected; publishing " + warmup
					+ " warm-up and " + measured + " measured articles at " + RATE + "/s (" + expectedCount
					+ " matches expected from the measured ones)");
			long[] lastReport = { System.nanoTime() };
			int[] published = { 0 };
			try (ArticleProducer producer = new ArticleProducer(context.stack().kafka())) {
				producer.publishSteadily(articles.stream(), RATE, (article) -> {
					sent.put(article.articleId(), System.nanoTime());
					published[0]++;
					if (System.nanoTime() - lastReport[0] > 10_000_000_000L) {
						console.line("  published " + published[0] + "/" + articles.size() + ", "
								+ streams.receivedMeasured() + " measured matches received");
						lastReport[0] = System.nanoTime();
					}
				});
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (streams.receivedMeasured() < expectedCount && System.nanoTime() < deadline) {
				if (System.nanoTime() - lastReport[0] > 10_000_000_000L) {
					console.line("  waiting: " + streams.receivedMeasured() + "/" + expectedCount
							+ " measured matches received");
					lastReport[0] = System.nanoTime();
				}
				Pause.of(Duration.ofMillis(100));
			}
			// a duplicate would come after the original: give one the time a match takes to travel
			Pause.of(Duration.ofSeconds(3));
			if (streams.anyEnded()) {
				throw new BenchException("an SSE stream ended during the measurement; see " + search.logFile());
			}
			received = streams.received();
			unreadable = streams.unreadable();
		}
		OptionalDouble written = search.metric("newshound.alerts.matches", "COUNT");
		context.memory().forget(search);
		context.stack().stop(search);
		report(context, figure, new Run(articles.subList(warmup, articles.size()), sent, expected, measuredIds,
				received, expectedCount, background, seconds, unreadable));
		if (written.isPresent()) {
			figure.metric(Metric.of("matches written to alerts.matches.v1 per article, all alerts",
					written.getAsDouble() / articles.size(), ""));
		}
	}

	/** The timed alerts' matches of each article, by an {@link AlertMatcher} with the search API's parser limits. */
	private static Map<String, Set<String>> expected(List<AlertApi.Created> timed, List<ArticleEvent> articles) {
		QueryParser parser = new QueryParser(32, 8, 3);
		Map<String, Set<String>> expected = new HashMap<>();
		try (AlertMatcher matcher = new AlertMatcher(AlertMatcher.Mode.PRESEARCHER)) {
			List<AlertMatcher.AlertQuery> queries = new ArrayList<>();
			for (int i = 0; i < timed.size(); i++) {
				queries.add(new AlertMatcher.AlertQuery(timed.get(i).id(), parser.parse(TIMED.get(i)), List.of(), List.of(),
						null));
			}
			matcher.register(queries);
			for (ArticleEvent article : articles) {
				Set<String> alerts = matcher.match(AlertsFigure.matchable(article));
				if (!alerts.isEmpty()) {
					expected.put(article.articleId(), alerts);
				}
			}
		}
		return expected;
	}

	private record Run(List<ArticleEvent> measured, Map<String, Long> sentNanos, Map<String, Set<String>> expected,
			Set<String> measuredIds, List<TimedStreams.Received> received, long expectedCount, int background, int seconds,
			Set<String> unreadable) {
	}

	private static void report(BenchContext context, Figure.Builder figure, Run run) {
		// nanoTime and the services' wall clocks (indexedAt, matchedAt) on one time line: the same machine's clock
		long baseNanos = System.nanoTime();
		Instant baseWall = Instant.now();
		Histogram total = Latencies.histogram();
		Histogram toIndexed = Latencies.histogram();
		Histogram toMatched = Latencies.histogram();
		Histogram toReceived = Latencies.histogram();
		Histogram firstTenth = Latencies.histogram();
		Histogram lastTenth = Latencies.histogram();
		Map<String, Integer> position = new HashMap<>();
		for (ArticleEvent article : run.measured()) {
			position.put(article.articleId(), position.size());
		}
		int tenth = Math.max(1, run.measured().size() / 10);
		Map<String, Integer> seen = new LinkedHashMap<>();
		long unexpected = 0;
		for (TimedStreams.Received received : run.received()) {
			AlertMatch match = received.match();
			String key = match.alertId() + " " + match.articleId();
			int times = seen.merge(key, 1, Integer::sum);
			Set<String> alerts = run.expected().getOrDefault(match.articleId(), Set.of());
			if (!alerts.contains(match.alertId())) {
				unexpected++;
				continue;
			}
			if (times > 1 || !run.measuredIds().contains(match.articleId())) {
				continue;
			}
			long sent = run.sentNanos().get(match.articleId());
			total.recordValue(micros(received.nanos() - sent));
			int at = position.get(match.articleId());
			if (at < tenth) {
				firstTenth.recordValue(micros(received.nanos() - sent));
			}
			else if (at >= run.measured().size() - tenth) {
				lastTenth.recordValue(micros(received.nanos() - sent));
			}
			Instant sentAt = baseWall.minusNanos(baseNanos - sent);
			Instant receivedAt = baseWall.minusNanos(baseNanos - received.nanos());
			if (match.indexedAt() != null && match.matchedAt() != null) {
				toIndexed.recordValue(micros(Duration.between(sentAt, match.indexedAt()).toNanos()));
				toMatched.recordValue(micros(Duration.between(match.indexedAt(), match.matchedAt()).toNanos()));
				toReceived.recordValue(micros(Duration.between(match.matchedAt(), receivedAt).toNanos()));
			}
		}
		long duplicates = seen.values().stream().mapToLong((times) -> times - 1).sum();
		long missing = 0;
		for (ArticleEvent article : run.measured()) {
			for (String alert : run.expected().getOrDefault(article.articleId(), Set.of())) {
				if (!seen.containsKey(alert + " " + article.articleId())) {
					missing++;
				}
			}
		}
		Latencies latencies = Latencies.ofMicros(total);
		context.console().line(String.format(Locale.ROOT,
				"  published → SSE received: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms over %d matches; "
						+ "%d missing, %d unexpected, %d duplicates",
				latencies.p50(), latencies.p95(), latencies.p99(), latencies.max(), latencies.count(), missing, unexpected,
				duplicates));
		if (latencies.count() == 0) {
			throw new BenchException("no expected match reached the SSE streams (" + run.expectedCount() + " expected)"
					+ (run.unreadable().isEmpty() ? "" : "; unreadable events: " + run.unreadable()));
		}
		Latencies indexed = Latencies.ofMicros(toIndexed);
		Latencies matched = Latencies.ofMicros(toMatched);
		Latencies delivered = Latencies.ofMicros(toReceived);
		figure.metric(Metric.of("crawl-published → SSE-received p50", latencies.p50() / 1000, "s"))
			.metric(Metric.of("crawl-published → SSE-received p95", latencies.p95() / 1000, "s"))
			.metric(Metric.of("crawl-published → SSE-received p99", latencies.p99() / 1000, "s"))
			.metric(Metric.of("crawl-published → SSE-received max", latencies.max() / 1000, "s"))
			.metric(Metric.of("p50 of the first tenth of articles sent", Latencies.ofMicros(firstTenth).p50() / 1000, "s"))
			.metric(Metric.of("p50 of the last tenth of articles sent", Latencies.ofMicros(lastTenth).p50() / 1000, "s"))
			.metric(Metric.of("SSE matches expected (measured articles × timed alerts)", run.expectedCount(), ""))
			.metric(Metric.of("SSE matches received (first arrival, timed)", latencies.count(), ""))
			.metric(Metric.of("SSE matches missing (not received within 60 s of the last send)", missing, ""))
			.metric(Metric.of("SSE matches unexpected (not predicted)", unexpected, ""))
			.metric(Metric.of("SSE matches received twice", duplicates, ""))
			.metric(Metric.of("stage p50: published → indexed (indexer, refresh wait)", indexed.p50() / 1000, "s"))
			.metric(Metric.of("stage p95: published → indexed", indexed.p95() / 1000, "s"))
			.metric(Metric.of("stage p50: indexed → matched (news.indexed.v1, mget, Lucene Monitor)", matched.p50() / 1000,
					"s"))
			.metric(Metric.of("stage p95: indexed → matched", matched.p95() / 1000, "s"))
			.metric(Metric.of("stage p50: matched → SSE received (claims, transaction, match log, SSE)",
					delivered.p50() / 1000, "s"))
			.metric(Metric.of("stage p95: matched → SSE received", delivered.p95() / 1000, "s"));
		figure.note("Crawl-published → SSE-received: \"crawl-published\" is the moment a crawler-equivalent producer "
				+ "(the crawler's producer settings: keyed by article id, idempotent, acks=all) hands a new article to "
				+ "news.articles.v1; \"SSE-received\" is the arrival of the first line of its `event: match` on "
				+ "GET /api/alerts/{id}/stream, read by a JDK HttpClient line subscriber in the bench's JVM. The path: "
				+ "news.articles.v1 → indexer-service (enrichment, bulk with refresh=wait_for, 1 s refresh) → "
				+ "news.indexed.v1 → search-service's matcher (mget of the indexed document, Lucene Monitor, match "
				+ "claims in Elasticsearch, one Kafka transaction) → alerts.matches.v1 → the stream's fan-out → SSE.")
			.note(String.format(Locale.ROOT, "%d new full-length articles at a steady %d/s for %d s (after %d s of "
					+ "warm-up at the same rate), indexer and search service as child JVMs with the launcher's options; "
					+ "%d alerts created through POST /api/alerts: %d timed ones with their SSE streams open (%s), no "
					+ "filters, and %d background ones (the first of figure 4's generated queries, without filters) "
					+ "that the matcher runs, claims and writes to the match log for every article too (in quick and full "
					+ "runs alike: all 10,000 of the matching comparison would make ~650 matches per article, ten times "
					+ "the delivery work). Expected matches predicted by the same AlertMatcher "
					+ "in the bench's JVM over the articles as published. Stages from the match's indexedAt and "
					+ "matchedAt (the services' clocks, same machine).", run.measured().size(), RATE, run.seconds(),
					WARMUP_SECONDS, run.background() + TIMED.size(), TIMED.size(), String.join(", ", TIMED),
					run.background()));
		double early = Latencies.ofMicros(firstTenth).p50();
		double late = Latencies.ofMicros(lastTenth).p50();
		if (late - early > 1000) {
			figure.note(String.format(Locale.ROOT, "A backlog: p50 grew from %.1f s for the first tenth of articles sent "
					+ "to %.1f s for the last, so the path took fewer than the %d articles/s offered; the stages above "
					+ "say where articles waited.", early / 1000, late / 1000, RATE));
		}
		if (!run.unreadable().isEmpty()) {
			figure.note("Unreadable SSE events: " + run.unreadable());
		}
	}

	private static long micros(long nanos) {
		return Math.max(1, nanos / 1000);
	}

}
