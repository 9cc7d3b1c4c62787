package io.newshound.bench.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.HdrHistogram.Histogram;

import io.newshound.bench.BenchContext;
import io.newshound.bench.BenchOptions;
import io.newshound.bench.Console;
import io.newshound.bench.load.Latencies;
import io.newshound.bench.report.Figure;
import io.newshound.bench.report.Metric;
import io.newshound.bench.stack.BenchException;
import io.newshound.corpus.BodyLength;
import io.newshound.corpus.NewsCorpus;
import io.newshound.events.ArticleEvent;
import io.newshound.search.alert.matching.AlertMatcher;
import io.newshound.search.alert.matching.AlertMatcher.Mode;
import io.newshound.search.alert.matching.MatchableArticle;
import io.newshound.stack.StackException;

/**
 * Figure 4: the search service's {@link AlertMatcher} with 10,000 subscriptions ({@link AlertSubscriptions}),
 * presearcher against brute force (every query run against every article), over the same full-length corpus
 * articles, one thread, in this JVM: articles/s and per-article match latency. Both modes must find the same
 * matches, or the comparison means nothing and the figure fails. Then the whole path with the real services:
 * crawl-published to SSE-received latency ({@link DeliveryLatency}).
 */
public final class AlertsFigure {

	public static final String TITLE = "Alerts: presearcher versus brute force, published to SSE-received";

	static final int SUBSCRIPTIONS = 10_000;

	private AlertsFigure() {
	}

	public static Figure run(BenchContext context) {
		BenchOptions options = context.options();
		Console console = context.console();
		// brute force runs all 10,000 queries on each article: a few articles warm its code up, and are slow enough
		// that --quick measures 200; the presearcher warms up on more, taken before the measured ones
		int warmup = 200;
		int bruteForceWarmup = 20;
		int measured = options.quick() ? 200 : 1_000;
		Figure.Builder figure = new Figure.Builder(4, TITLE)
			.baseline("brute force: the same " + SUBSCRIPTIONS + " queries, each run against every article (Lucene Monitor "
					+ "without a presearcher), same articles, same thread");
		console.line("figure 4: generating " + SUBSCRIPTIONS + " alert queries and " + (warmup + measured)
				+ " full-length articles");
		List<AlertMatcher.AlertQuery> alerts = AlertSubscriptions.alerts(SUBSCRIPTIONS);
		List<MatchableArticle> articles = NewsCorpus
			.stream(NewsCorpus.SEED, warmup + measured, NewsCorpus.ANCHOR, BodyLength.FULL)
			.map(AlertsFigure::matchable)
			.toList();
		Run presearcher = measure(Mode.PRESEARCHER, alerts, articles, warmup, console);
		Run bruteForce = measure(Mode.BRUTE_FORCE, alerts, articles.subList(warmup - bruteForceWarmup, articles.size()),
				bruteForceWarmup, console);
		if (!presearcher.matches().equals(bruteForce.matches())) {
			throw new BenchException("figure 4: the presearcher found " + presearcher.total()
					+ " matches and brute force " + bruteForce.total() + "; they must agree");
		}
		figure.metric(Metric.of("presearcher articles/s", presearcher.perSecond(), "articles/s"))
			.metric(Metric.of("brute force articles/s", bruteForce.perSecond(), "articles/s"))
			.metric(Metric.of("ratio presearcher / brute force throughput", presearcher.perSecond() / bruteForce.perSecond(), ""))
			.metric(Metric.of("presearcher p50 match latency", presearcher.latencies().p50(), "ms"))
			.metric(Metric.of("presearcher p99 match latency", presearcher.latencies().p99(), "ms"))
			.metric(Metric.of("brute force p50 match latency", bruteForce.latencies().p50(), "ms"))
			.metric(Metric.of("brute force p99 match latency", bruteForce.latencies().p99(), "ms"))
			.metric(Metric.of("registering " + SUBSCRIPTIONS + " alerts (presearcher)", presearcher.registerSeconds(), "s"))
			.metric(Metric.of("matches per article", presearcher.total() / (double) measured, ""));
		figure.note(SUBSCRIPTIONS + " subscriptions generated from a fixed seed in the query syntax of /api/search: a "
				+ "company, startup, investor or person alone or with a topic, phrases, OR of rivals, exclusions, prefixes, "
				+ "words the corpus never uses; one in eight with a source, tag or language filter.")
			.note(measured + " full-length corpus articles (300–1,500-word bodies) matched one at a time on one thread after "
					+ warmup + " warm-up articles (" + bruteForceWarmup + " for brute force, each of which runs every query), in the "
					+ "bench's JVM (serial GC, 1 GB heap); both modes found the same " + presearcher.total()
					+ " matches.");
		try {
			DeliveryLatency.measure(context, figure);
		}
		catch (BenchException | StackException ex) {
			console.line("figure 4: delivery latency failed: " + ex.getMessage());
			figure.note("Crawl-published → SSE-received latency: not measured in this run: " + ex.getMessage());
		}
		return figure.build();
	}

	private static Run measure(Mode mode, List<AlertMatcher.AlertQuery> alerts, List<MatchableArticle> articles,
			int warmup, Console console) {
		try (AlertMatcher matcher = new AlertMatcher(mode)) {
			long start = System.nanoTime();
			matcher.register(alerts);
			double registerSeconds = (System.nanoTime() - start) / 1e9;
			console.line("figure 4: " + mode + ": " + matcher.size() + " alerts registered in "
					+ String.format(java.util.Locale.ROOT, "%.1f s", registerSeconds) + "; warming up on " + warmup
					+ " articles");
			for (int i = 0; i < warmup; i++) {
				matcher.match(articles.get(i));
			}
			Histogram histogram = Latencies.histogram();
			List<Set<String>> matches = new ArrayList<>(articles.size() - warmup);
			int progressEvery = Math.max(1, (articles.size() - warmup) / 4);
			long began = System.nanoTime();
			for (int i = warmup; i < articles.size(); i++) {
				long before = System.nanoTime();
				matches.add(matcher.match(articles.get(i)));
				histogram.recordValue(Math.max(1, (System.nanoTime() - before) / 1000));
				if ((i - warmup + 1) % progressEvery == 0) {
					console.line("figure 4: " + mode + ": " + (i - warmup + 1) + " of " + (articles.size() - warmup)
							+ " articles matched");
				}
			}
			double seconds = (System.nanoTime() - began) / 1e9;
			return new Run(matches, (articles.size() - warmup) / seconds, Latencies.ofMicros(histogram), registerSeconds);
		}
	}

	static MatchableArticle matchable(ArticleEvent event) {
		return new MatchableArticle(event.articleId(), event.url(), event.source(), event.title(), event.summary(),
				event.body(), event.tags(), event.language(), event.storyId(), event.publishedAt());
	}

	private record Run(List<Set<String>> matches, double perSecond, Latencies latencies, double registerSeconds) {

		long total() {
			return this.matches.stream().mapToLong(Set::size).sum();
		}

	}

}
