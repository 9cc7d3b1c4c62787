package io.newshound.bench.crawl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.newshound.bench.BenchContext;
import io.newshound.bench.report.Figure;
import io.newshound.bench.report.Metric;
import io.newshound.bench.stack.BenchException;
import io.newshound.bench.stack.BenchStack;
import io.newshound.bench.stack.Pause;
import io.newshound.bench.stack.ServiceProcess;
import io.newshound.bench.workload.Workload;

/**
 * Figure 5, second half: the crawler's article fetch rate against a site of several hosts on this machine, with
 * its default politeness (at least 1 s between requests to one host, a bounded number of polls at once), against
 * the bound those settings put on it.
 */
public final class CrawlFigure {

	static final int HOSTS = 8;

	// the crawler's defaults (CrawlerProperties): polls in flight at once, and the least delay per host
	static final int CONCURRENCY = 4;

	static final double MIN_DELAY_SECONDS = 1.0;

	private CrawlFigure() {
	}

	public static void run(BenchContext context, Figure.Builder figure) {
		int perHost = context.options().quick() ? 10 : 25;
		int total = HOSTS * perHost;
		context.console().line("figure 5: crawling " + total + " articles from " + HOSTS + " hosts (127.0.0.2–127.0.0."
				+ (HOSTS + 1) + "), politeness on");
		List<io.newshound.events.ArticleEvent> articles = Workload.fresh(total).toList();
		try (ManyHostSite site = new ManyHostSite(articles, HOSTS, BenchStack.freePort())) {
			Path sources = context.stack().data().resolve("bench-sources.yml");
			StringBuilder yaml = new StringBuilder("sources:\n");
			for (int i = 0; i < site.feeds().size(); i++) {
				yaml.append("  - name: Bench host ").append(i + 1).append("\n    url: ").append(site.feeds().get(i))
					.append("\n    kind: feed\n    pollInterval: 1h\n    tags: [bench]\n    allowPrivateAddresses: true\n");
			}
			write(sources, yaml.toString());
			ServiceProcess crawler = context.stack().service("crawler-service", List.of(
					"--newshound.crawler.sources=" + sources, "--newshound.crawler.state-dir="
							+ context.stack().data().resolve("crawler")));
			context.memory().watch(crawler, "crawling " + total + " articles from " + HOSTS + " hosts");
			long deadline = System.nanoTime() + Duration.ofSeconds(60 + total).toNanos();
			long first = 0;
			double firstCount = 0;
			double published = 0;
			long last = 0;
			long lastReport = System.nanoTime();
			while (published < total && System.nanoTime() < deadline) {
				double now = published(crawler);
				if (now > published) {
					last = System.nanoTime();
					if (first == 0) {
						first = last;
						firstCount = now;
					}
					published = now;
				}
				if (System.nanoTime() - lastReport > 10_000_000_000L) {
					context.console().line("  published " + (long) published + "/" + total);
					lastReport = System.nanoTime();
				}
				Pause.of(Duration.ofMillis(100));
			}
			context.memory().forget(crawler);
			context.stack().stop(crawler);
			if (published < 2) {
				throw new BenchException("the crawler published " + (long) published + " of " + total
						+ " articles; see " + crawler.logFile());
			}
			double rate = (published - firstCount) / ((last - first) / 1e9);
			double bound = Math.min(HOSTS, CONCURRENCY) / MIN_DELAY_SECONDS;
			context.console().line(String.format(Locale.ROOT, "  %.2f articles/s (politeness bound %.1f/s), %d requests served",
					rate, bound, site.requests()));
			figure.metric(Metric.of("crawl: articles fetched, extracted and published", rate, "articles/s"))
				.metric(Metric.of("crawl: politeness bound (min(hosts, polls at once) / min delay)", bound, "articles/s"))
				.metric(Metric.of("crawl: rate / bound", rate / bound, ""))
				.metric(Metric.of("crawl: articles published", published, ""))
				.note(String.format(Locale.ROOT, "crawl: %d hosts × %d full-length articles, one RSS feed each, "
						+ "crawler defaults (%d polls at once, ≥ %.0f s between requests to a host, robots.txt honoured); "
						+ "rate from the first publication to the last (crawler metric newshound.crawler.articles.published); "
						+ "%d HTTP requests served", HOSTS, perHost, CONCURRENCY, MIN_DELAY_SECONDS, site.requests()));
		}
	}

	private static double published(ServiceProcess crawler) {
		return crawler.metric("newshound.crawler.articles.published", "COUNT").orElse(0);
	}

	private static void write(Path file, String text) {
		try {
			Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new BenchException("cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

}
