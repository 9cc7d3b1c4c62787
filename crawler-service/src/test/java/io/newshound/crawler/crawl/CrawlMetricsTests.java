package io.newshound.crawler.crawl;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.support.net.HostResolver;
import io.newshound.crawler.TestSite;
import io.newshound.crawler.extract.JsoupArticleExtractor;
import io.newshound.crawler.fetch.FetchSettings;
import io.newshound.crawler.fetch.HttpFetcher;
import io.newshound.crawler.source.Source;
import io.newshound.crawler.source.SourceKind;
import io.newshound.crawler.source.SourceRegistry;
import io.newshound.crawler.state.FileCrawlState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crawl metrics that issue 3 asks for, measured on a real local site: pages fetched, bytes,
 * errors by kind, articles published and politeness wait.
 */
class CrawlMetricsTests {

	private static final Duration MIN_DELAY = Duration.ofMillis(200);

	@Test
	void countsPagesBytesErrorsArticlesAndPolitenessWait(@TempDir Path stateDir) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		RecordingPublisher publisher = new RecordingPublisher();
		try (TestSite site = new TestSite();
				FileCrawlState state = FileCrawlState.open(stateDir);
				HttpFetcher fetcher = new HttpFetcher(new FetchSettings("Newshound/0.1 (+https://example.org)",
						Duration.ofSeconds(2), Duration.ofSeconds(5), 1 << 20, 5, 0, Duration.ofMillis(10),
						Duration.ofSeconds(1), MIN_DELAY, Duration.ofMinutes(5), Duration.ofHours(1),
						Duration.ofSeconds(30)), HostResolver.system(), null, meters)) {
			List<String> pages = List.of("site/feed.xml", "site/chip-export-rules.html", "site/open-model-release.html",
					"site/robotics-lab.html");
			site.resource("/feed.xml", "application/rss+xml", pages.get(0))
				.resource("/articles/chip-export-rules", "text/html", pages.get(1))
				.resource("/articles/open-model-release", "text/html", pages.get(2))
				.resource("/articles/robotics-lab", "text/html", pages.get(3));
			SourceRegistry registry = new SourceRegistry(List.of(
					new Source("Good", site.url("/feed.xml"), SourceKind.FEED, Duration.ofMinutes(10), List.of(), true),
					new Source("Gone", site.url("/gone.xml"), SourceKind.FEED, Duration.ofMinutes(10), List.of(), true)));
			SourcePoller poller = new SourcePoller(fetcher, new JsoupArticleExtractor(), publisher, state,
					new SourcePoller.Settings(100, 5, Duration.ofHours(6)), meters, Clock.systemUTC());

			poller.poll(registry.health("Good"));
			poller.poll(registry.health("Gone"));

			long bytes = pages.stream()
				.mapToLong((page) -> TestSite.fixture(page).replace("{{base}}", site.base())
					.getBytes(StandardCharsets.UTF_8).length)
				.sum();
			assertThat(meters.counter("newshound.crawler.pages.fetched").count()).isEqualTo(4);
			assertThat(meters.summary("newshound.crawler.bytes.fetched").count()).isEqualTo(4);
			assertThat(meters.summary("newshound.crawler.bytes.fetched").totalAmount()).isEqualTo(bytes);
			assertThat(meters.counter("newshound.crawler.fetch.errors", "kind", "HTTP_ERROR").count()).isEqualTo(1);
			assertThat(meters.find("newshound.crawler.fetch.errors").counters()).hasSize(1);
			assertThat(meters.counter("newshound.crawler.articles.published").count()).isEqualTo(3);
			// robots.txt, the feed, three articles and the missing feed: six turns on one host, five of
			// them after another request, each after the minimum delay less what the crawler did between
			assertThat(meters.timer("newshound.crawler.politeness.wait").count()).isEqualTo(6);
			assertThat(meters.timer("newshound.crawler.politeness.wait").totalTime(TimeUnit.MILLISECONDS))
				.isGreaterThanOrEqualTo(2.5 * MIN_DELAY.toMillis());
			assertThat(publisher.published()).hasSize(3);
		}
	}

}
