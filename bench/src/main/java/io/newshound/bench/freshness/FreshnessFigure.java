package io.newshound.bench.freshness;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

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
		Map<String, Long> sent = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
		context.indexed().reset();
		try (ArticleProducer producer = new ArticleProducer(context.stack().kafka())) {
			producer.publishSteadily(Workload.fresh(count), RATE, (article) -> sent.put(article.articleId(), System.nanoTime()));
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (context.indexed().count() < count && System.nanoTime() < deadline) {
			Pause.of(Duration.ofMillis(100));
		}
		Histogram histogram = Latencies.histogram();
		Histogram firstTenth = Latencies.histogram();
		Histogram lastTenth = Latencies.histogram();
		long missing = 0;
		int index = 0;
		for (Map.Entry<String, Long> entry : sent.entrySet()) {
			Long arrived = context.indexed().arrival(entry.getKey());
			if (arrived == null) {
				missing++;
			}
			else {
				long micros = Math.max(1, (arrived - entry.getValue()) / 1000);
				histogram.recordValue(micros);
				if (index < count / 10) {
					firstTenth.recordValue(micros);
				}
				else if (index >= count - count / 10) {
					lastTenth.recordValue(micros);
				}
			}
			index++;
		}
		Latencies latencies = Latencies.ofMicros(histogram);
		context.console().line(String.format(Locale.ROOT, "  p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, %d not announced",
				latencies.p50(), latencies.p95(), latencies.p99(), missing));
		figure.metric(Metric.of("p50", latencies.p50() / 1000, "s"))
			.metric(Metric.against("p95", latencies.p95() / 1000, "s", Target.atMost(1.5)))
			.metric(Metric.of("p99", latencies.p99() / 1000, "s"))
			.metric(Metric.of("max", latencies.max() / 1000, "s"))
			.metric(Metric.of("articles not announced within 60 s of the last send", missing, ""))
			.metric(Metric.of("p50 of the first tenth sent", Latencies.ofMicros(firstTenth).p50() / 1000, "s"))
			.metric(Metric.of("p50 of the last tenth sent", Latencies.ofMicros(lastTenth).p50() / 1000, "s"))
			.note(count + " full-length articles at a steady " + RATE + "/s for " + seconds
					+ " s; latency from just before the producer's send to the harness receiving news.indexed.v1 "
					+ "(the indexer announces an article only after Elasticsearch made it searchable)");
		double early = Latencies.ofMicros(firstTenth).p50();
		double late = Latencies.ofMicros(lastTenth).p50();
		if (latencies.p95() > 1500) {
			// a queue in Kafka shows as latency growing through the run; a steady latency is time spent per batch
			if (late - early > 1000) {
				figure.gap(String.format(Locale.ROOT, "A backlog: p50 grew from %.1f s for the first tenth sent to %.1f s "
						+ "for the last, so the indexer took fewer than the %d articles/s offered and articles queued in "
						+ "Kafka. Its throughput is figure 1's gap.", early / 1000, late / 1000, RATE));
			}
			else {
				figure.gap(String.format(Locale.ROOT, "No backlog (p50 %.1f s for the first tenth sent, %.1f s for the "
						+ "last): the indexer kept up with %d articles/s. An article's way: the poll (up to 100 ms for 128 kB), "
						+ "enrichment, a bulk request that completes at the next refresh (refresh=wait_for: up to 1 s, 0.5 s "
						+ "on average), then the announcement; the indexer polls again meanwhile (IndexingPipeline). The rest "
						+ "is waiting for the two cores that Elasticsearch's indexing and merging, Kafka and the services "
						+ "share.", early / 1000, late / 1000, RATE));
			}
		}
		return figure.build();
	}

}
