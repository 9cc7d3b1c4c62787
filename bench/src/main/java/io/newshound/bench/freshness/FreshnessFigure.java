package io.newshound.bench.freshness;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.HdrHistogram.Histogram;

import io.newshound.bench.BenchContext;
import io.newshound.bench.load.Latencies;
import io.newshound.bench.report.Figure;
import io.newshound.bench.report.Metric;
import io.newshound.bench.report.Target;
import io.newshound.bench.stack.Pause;
import io.newshound.bench.workload.ArticleProducer;
import io.newshound.bench.workload.Workload;

/**
 * Figure 2: how long an article takes from being published to {@code news.articles.v1} to being searchable, at a
 * steady 200 articles/s with the index refreshed every second. "Searchable" is the indexer's
 * {@code news.indexed.v1} announcement, which it makes only after a {@code refresh=wait_for} bulk request
 * returned.
 */
public final class FreshnessFigure {

	static final int RATE = 200;

	public static final String TITLE = "Freshness: published to searchable";

	private FreshnessFigure() {
	}

	public static Figure run(BenchContext context) {
		int seconds = context.options().quick() ? 30 : 60;
		int count = RATE * seconds;
		Figure.Builder figure = new Figure.Builder(2, TITLE)
			.baseline("the issue's target (p95 ≤ 1.5 s) with the index's 1 s refresh interval, which alone accounts for "
					+ "0.5 s on average");
		context.console().line("figure 2: publishing " + count + " new articles at " + RATE + "/s for " + seconds + " s");
		Map<String, Long> sent = new ConcurrentHashMap<>();
		context.indexed().reset();
		try (ArticleProducer producer = new ArticleProducer(context.stack().kafka())) {
			producer.publishSteadily(Workload.fresh(count), RATE, (article) -> sent.put(article.articleId(), System.nanoTime()));
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (context.indexed().count() < count && System.nanoTime() < deadline) {
			Pause.of(Duration.ofMillis(100));
		}
		Histogram histogram = Latencies.histogram();
		long missing = 0;
		for (Map.Entry<String, Long> entry : sent.entrySet()) {
			Long arrived = context.indexed().arrival(entry.getKey());
			if (arrived == null) {
				missing++;
			}
			else {
				histogram.recordValue(Math.max(1, (arrived - entry.getValue()) / 1000));
			}
		}
		Latencies latencies = Latencies.ofMicros(histogram);
		context.console().line(String.format(Locale.ROOT, "  p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %d not announced",
				latencies.p50(), latencies.p95(), latencies.p99(), missing));
		figure.metric(Metric.of("p50", latencies.p50() / 1000, "s"))
			.metric(Metric.against("p95", latencies.p95() / 1000, "s", Target.atMost(1.5)))
			.metric(Metric.of("p99", latencies.p99() / 1000, "s"))
			.metric(Metric.of("max", latencies.max() / 1000, "s"))
			.metric(Metric.of("articles not announced within 60 s of the last send", missing, ""))
			.note(count + " full-length articles at a steady " + RATE + "/s for " + seconds
					+ " s; latency from just before the producer's send to the harness receiving news.indexed.v1 "
					+ "(the indexer announces an article only after Elasticsearch made it searchable)");
		return figure.build();
	}

}
