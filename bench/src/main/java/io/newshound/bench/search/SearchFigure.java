package io.newshound.bench.search;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.newshound.bench.BenchContext;
import io.newshound.bench.load.ClosedLoopLoad;
import io.newshound.bench.load.LoadResult;
import io.newshound.bench.report.Figure;
import io.newshound.bench.report.Metric;
import io.newshound.bench.report.Target;
import io.newshound.bench.stack.BenchException;
import io.newshound.bench.stack.ServiceProcess;

/**
 * Figure 3: the search API against the same queries sent straight to Elasticsearch ({@link DirectQuery}), with
 * the same closed-loop load generator and the same number of clients, over the corpus that figure 1 indexed; then
 * the API alone at 50 clients.
 */
public final class SearchFigure {

	static final int CLIENTS = 4;

	static final int MANY_CLIENTS = 50;

	public static final String TITLE = "Search: API versus Elasticsearch direct";

	private SearchFigure() {
	}

	public static Figure run(BenchContext context) {
		boolean quick = context.options().quick();
		Duration warmup = Duration.ofSeconds(quick ? 10 : 20);
		Duration measure = Duration.ofSeconds(quick ? 20 : 45);
		Figure.Builder figure = new Figure.Builder(3, TITLE)
			.baseline("the same " + SearchCase.mix().size() + " queries as one `_search` each, sent straight to Elasticsearch "
					+ "by the same load generator with the same number of clients");
		context.console().line("figure 3: starting search-service (rate limiting off for the load generator)");
		ServiceProcess search = context.stack().service("search-service",
				List.of("--newshound.search.rate-limit.enabled=false"));
		context.memory().watch(search, "figure 3's load, up to " + MANY_CLIENTS + " clients");
		Instant now = Instant.now();
		List<HttpRequest> api = new ArrayList<>();
		List<HttpRequest> direct = new ArrayList<>();
		for (SearchCase query : SearchCase.mix()) {
			api.add(HttpRequest.newBuilder(URI.create(search.url() + query.apiPath())).timeout(Duration.ofSeconds(30)).build());
			direct.add(HttpRequest.newBuilder(URI.create(context.elasticsearch().url() + "/news-articles/_search"))
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(DirectQuery.body(query, now)))
				.build());
		}
		ClosedLoopLoad load = new ClosedLoopLoad();
		context.console().line("  warming up both sides for " + warmup.toSeconds() + " s each");
		report(context, requireNoErrors(load.run(direct, CLIENTS, warmup), "Elasticsearch direct (warm-up)"));
		report(context, load.run(api, CLIENTS, warmup));
		context.console().line("  Elasticsearch direct, " + CLIENTS + " clients, " + measure.toSeconds() + " s");
		LoadResult es = requireNoErrors(load.run(direct, CLIENTS, measure), "Elasticsearch direct");
		report(context, es);
		context.console().line("  search API, " + CLIENTS + " clients, " + measure.toSeconds() + " s");
		LoadResult apiResult = load.run(api, CLIENTS, measure);
		report(context, apiResult);
		context.console().line("  search API, " + MANY_CLIENTS + " clients, " + measure.toSeconds() + " s");
		LoadResult many = load.run(api, MANY_CLIENTS, measure);
		report(context, many);
		context.memory().forget(search);
		context.stack().stop(search);

		figure.metric(Metric.of("Elasticsearch direct p50", es.latencies().p50(), "ms"))
			.metric(Metric.of("Elasticsearch direct p99", es.latencies().p99(), "ms"))
			.metric(Metric.of("Elasticsearch direct throughput", es.throughput(), "req/s"))
			.metric(Metric.of("search API p50", apiResult.latencies().p50(), "ms"))
			.metric(Metric.of("search API p99", apiResult.latencies().p99(), "ms"))
			.metric(Metric.of("search API throughput", apiResult.throughput(), "req/s"))
			.metric(Metric.of("search API errors at " + CLIENTS + " clients", apiResult.errors(), ""))
			.metric(Metric.against("p50 latency ratio API / direct", apiResult.latencies().p50() / es.latencies().p50(), "",
					Target.atMost(1.15)))
			.metric(Metric.against("p99 latency ratio API / direct", apiResult.latencies().p99() / es.latencies().p99(), "",
					Target.atMost(1.15)))
			.metric(Metric.against("throughput ratio API / direct", apiResult.throughput() / es.throughput(), "",
					Target.atLeast(0.85)))
			.metric(Metric.of("search API p99 at " + MANY_CLIENTS + " clients", many.latencies().p99(), "ms"))
			.metric(Metric.of("search API throughput at " + MANY_CLIENTS + " clients", many.throughput(), "req/s"))
			.metric(Metric.of("search API errors at " + MANY_CLIENTS + " clients", many.errors(), ""))
			.note(context.options().corpusSize() + " full-length articles indexed by figure 1; " + CLIENTS
					+ " closed-loop clients (JDK HttpClient, HTTP/1.1 keep-alive) per side for " + measure.toSeconds()
					+ " s after a " + warmup.toSeconds() + " s warm-up of each; the same client code on both sides")
			.note("query mix: " + String.join(" · ", SearchCase.mix().stream().map(SearchCase::apiPath)
				.map((path) -> "`" + path.substring("/api/search?".length()) + "`")
				.toList()));
		if (apiResult.latencies().p50() / es.latencies().p50() > 1.15
				|| apiResult.latencies().p99() / es.latencies().p99() > 1.15 || apiResult.throughput() / es.throughput() < 0.85) {
			figure.gap("For a first page the API makes two Elasticsearch requests in sequence — open a point in time (so "
					+ "that later pages are stable), then the same collapsed search as the direct client on it — and turns "
					+ "the answer into its own JSON. Profile with --profile to see which of these the time goes to.");
		}
		return figure.build();
	}

	private static void report(BenchContext context, LoadResult result) {
		context.console().line(String.format(Locale.ROOT, "    %.0f req/s, p50 %.1f ms, p99 %.1f ms, %d errors",
				result.throughput(), result.latencies().p50(), result.latencies().p99(), result.errors()));
	}

	/** The baseline must be sound; the API's errors (timeouts, 503) are a finding and are reported as such. */
	private static LoadResult requireNoErrors(LoadResult result, String side) {
		if (result.errors() > 0 && result.errors() * 100 > result.requests()) {
			throw new BenchException(side + " failed " + result.errors() + " of " + (result.errors() + result.requests())
					+ " requests; the comparison would be meaningless");
		}
		return result;
	}

}
