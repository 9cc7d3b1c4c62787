package io.newshound.crawler.crawl;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.support.net.HostResolver;
import io.newshound.crawler.OwnedHosts;
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
import static org.awaitility.Awaitility.await;

class CrawlSchedulerTests {

	/** On start every source is polled, then scheduled one interval after its poll ended. */
	@Test
	void pollsEverySourceAndSchedulesTheNext(@TempDir Path stateDir) throws Exception {
		RecordingPublisher publisher = new RecordingPublisher();
		try (TestSite site = new TestSite();
				FileCrawlState state = FileCrawlState.open(stateDir);
				HttpFetcher fetcher = new HttpFetcher(
						new FetchSettings("Newshound/0.1 (+https://example.org)", Duration.ofSeconds(2),
								Duration.ofSeconds(5), 1 << 20, 5, 0, Duration.ofMillis(10), Duration.ofSeconds(1),
								Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(30)),
						HostResolver.system(), null, new SimpleMeterRegistry())) {
			site.resource("/feed.xml", "application/rss+xml", "site/feed.xml")
				.resource("/articles/chip-export-rules", "text/html", "site/chip-export-rules.html")
				.resource("/articles/open-model-release", "text/html", "site/open-model-release.html")
				.resource("/articles/robotics-lab", "text/html", "site/robotics-lab.html")
				.resource("/broken.xml", "application/rss+xml", "site/malformed.xml");
			SourceRegistry registry = new SourceRegistry(List.of(
					new Source("Good", site.url("/feed.xml"), SourceKind.FEED, Duration.ofMinutes(10), List.of(), true),
					new Source("Broken", site.url("/broken.xml"), SourceKind.FEED, Duration.ofMinutes(20), List.of(), true)));
			SourcePoller poller = new SourcePoller(fetcher, new JsoupArticleExtractor(), publisher, state,
					new SourcePoller.Settings(100, 5, Duration.ofHours(6)), new SimpleMeterRegistry(), Clock.systemUTC());
			CrawlScheduler scheduler = new CrawlScheduler(registry, poller, 1, true, Clock.systemUTC());
			scheduler.start();
			try {
				await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
					assertThat(registry.health("Good").status().nextPoll()).isAfter(Instant.now().plusSeconds(500));
					assertThat(registry.health("Broken").status().nextPoll()).isAfter(Instant.now().plusSeconds(1100));
				});
				assertThat(publisher.published()).hasSize(3);
				assertThat(registry.health("Good").status().lastSuccess()).isNotNull();
				assertThat(registry.health("Broken").status().lastError()).startsWith("malformed feed");

				PollReport again = scheduler.pollNow("Good").get();
				assertThat(again.unchanged()).isEqualTo(3);
			}
			finally {
				scheduler.stop();
			}
			assertThat(scheduler.isRunning()).isFalse();
		}
	}

	/**
	 * Only sources whose host this instance owns are polled; one whose host it gains is polled soon, one
	 * whose host it loses is no longer scheduled here.
	 */
	@Test
	void pollsOnlyTheSourcesWhoseHostItOwns(@TempDir Path stateDir) throws Exception {
		RecordingPublisher publisher = new RecordingPublisher();
		OwnedHosts ownership = new OwnedHosts();
		try (TestSite site = new TestSite();
				FileCrawlState state = FileCrawlState.open(stateDir);
				HttpFetcher fetcher = new HttpFetcher(
						new FetchSettings("Newshound/0.1 (+https://example.org)", Duration.ofSeconds(2),
								Duration.ofSeconds(5), 1 << 20, 5, 0, Duration.ofMillis(10), Duration.ofSeconds(1),
								Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(30)),
						HostResolver.system(), null, new SimpleMeterRegistry(), ownership)) {
			site.resource("/feed.xml", "application/rss+xml", "site/feed.xml")
				.resource("/articles/chip-export-rules", "text/html", "site/chip-export-rules.html")
				.resource("/articles/open-model-release", "text/html", "site/open-model-release.html")
				.resource("/articles/robotics-lab", "text/html", "site/robotics-lab.html");
			SourceRegistry registry = new SourceRegistry(List.of(
					new Source("Good", site.url("/feed.xml"), SourceKind.FEED, Duration.ofMinutes(10), List.of(), true)));
			SourcePoller poller = new SourcePoller(fetcher, new JsoupArticleExtractor(), publisher, state,
					new SourcePoller.Settings(100, 5, Duration.ofHours(6)), new SimpleMeterRegistry(), Clock.systemUTC(),
					ownership, LinkForwarder.NONE);
			CrawlScheduler scheduler = new CrawlScheduler(registry, poller, 1, true, Clock.systemUTC(), ownership);
			scheduler.start();
			try {
				assertThat(registry.health("Good").status().nextPoll()).isNull();

				ownership.grant("127.0.0.1");
				await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
					assertThat(publisher.published()).hasSize(3);
					assertThat(registry.health("Good").status().nextPoll()).isAfter(Instant.now().plusSeconds(500));
				});

				ownership.revoke("127.0.0.1");
				assertThat(registry.health("Good").status().nextPoll()).isNull();
				assertThat(site.requests("/feed.xml")).hasSize(1);
			}
			finally {
				scheduler.stop();
			}
		}
	}

}
