package io.newshound.crawler.crawl;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.support.net.HostResolver;
import io.newshound.crawler.OwnedHosts;
import io.newshound.crawler.TestSite;
import io.newshound.crawler.discovery.DiscoveredLink;
import io.newshound.crawler.extract.JsoupArticleExtractor;
import io.newshound.crawler.fetch.FetchSettings;
import io.newshound.crawler.fetch.HttpFetcher;
import io.newshound.crawler.source.Source;
import io.newshound.crawler.source.SourceHealth;
import io.newshound.crawler.source.SourceKind;
import io.newshound.crawler.source.SourceRegistry;
import io.newshound.crawler.source.SourceStatus;
import io.newshound.crawler.state.FileCrawlState;
import io.newshound.events.ArticleEvent;
import io.newshound.events.ArticleIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A poll from feed to the publish boundary, against a real local site and a real crawl state on disk. */
@ExtendWith(OutputCaptureExtension.class)
class SourcePollerTests {

	private static final FetchSettings FETCH = new FetchSettings("Newshound/0.1 (+https://example.org/contact)",
			Duration.ofSeconds(2), Duration.ofSeconds(5), 1024 * 1024, 5, 0, Duration.ofMillis(10), Duration.ofSeconds(1),
			Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(30));

	@TempDir
	Path stateDir;

	private final TestSite site = new TestSite();

	private final RecordingPublisher publisher = new RecordingPublisher();

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final List<FileCrawlState> states = new ArrayList<>();

	@BeforeEach
	void serveTheFixtureSite() {
		this.site.resource("/feed.xml", "application/rss+xml; charset=utf-8", "site/feed.xml")
			.resource("/articles/chip-export-rules", "text/html; charset=utf-8", "site/chip-export-rules.html")
			.resource("/articles/open-model-release", "text/html; charset=utf-8", "site/open-model-release.html")
			.resource("/articles/robotics-lab", "text/html", "site/robotics-lab.html");
	}

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
		this.site.close();
	}

	private SourcePoller poller(Duration revisitInterval) {
		FileCrawlState state = FileCrawlState.open(this.stateDir);
		HttpFetcher fetcher = new HttpFetcher(FETCH, HostResolver.system(), null, new SimpleMeterRegistry());
		this.resources.add(0, state);
		this.resources.add(0, fetcher);
		return new SourcePoller(fetcher, new JsoupArticleExtractor(), this.publisher, state,
				new SourcePoller.Settings(100, 5, revisitInterval), new SimpleMeterRegistry(), Clock.systemUTC());
	}

	/** Closes the crawl state and fetcher of the previous poller, as a stopped crawler would. */
	private void restart() throws Exception {
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
		this.resources.clear();
	}

	private SourceHealth source(String name, String path, SourceKind kind, boolean allowPrivate) {
		Source source = new Source(name, this.site.url(path), kind, Duration.ofMinutes(15), List.of("fixture", "ai"),
				allowPrivate);
		return new SourceRegistry(List.of(source)).health(name);
	}

	/** Every feed entry is fetched, extracted and published with the canonical URL's id and a content hash. */
	@Test
	void pollsAFeedAndPublishesEveryArticle() {
		SourceHealth health = source("Fixture", "/feed.xml", SourceKind.FEED, true);
		Instant before = Instant.now();
		PollReport report = poller(Duration.ofHours(6)).poll(health);

		assertThat(report).isEqualTo(new PollReport("Fixture", null, 3, 3, 0, 0));
		String canonical = "http://127.0.0.1:" + this.site.port() + "/articles/chip-export-rules?id=42";
		ArticleEvent chip = this.publisher.published().stream()
			.filter((event) -> event.url().equals(canonical))
			.findFirst()
			.orElseThrow();
		assertThat(chip.articleId()).isEqualTo(ArticleIds.of(canonical));
		assertThat(chip.source()).isEqualTo("Fixture");
		assertThat(chip.tags()).containsExactly("fixture", "ai");
		assertThat(chip.title()).isEqualTo("Chipmakers brace for new export rules on AI accelerators");
		assertThat(chip.body()).startsWith("Makers of AI accelerators").doesNotContain("Related", "Advertisement");
		assertThat(chip.authors()).containsExactly("Mara Okafor", "Tomas Lind");
		assertThat(chip.publishedAt()).isEqualTo(Instant.parse("2026-03-14T07:30:00Z"));
		assertThat(chip.language()).isEqualTo("en");
		assertThat(chip.siteName()).isEqualTo("Fieldnote Tech");
		assertThat(chip.contentHash()).isEqualTo(ContentHash.of(chip.title(), chip.body()));
		assertThat(chip.updatedAt()).isEqualTo(chip.fetchedAt()).isAfterOrEqualTo(before);
		assertThat(this.publisher.published()).extracting(ArticleEvent::url)
			.contains("http://127.0.0.1:" + this.site.port() + "/articles/open-model-release",
					"http://127.0.0.1:" + this.site.port() + "/articles/robotics-lab");

		SourceStatus status = health.status();
		assertThat(status.articlesFound()).isEqualTo(3);
		assertThat(status.articlesPublished()).isEqualTo(3);
		assertThat(status.lastSuccess()).isNotNull();
		assertThat(status.lastError()).isNull();
	}

	/** After a restart over the same state directory, nothing is published again, though every page is re-read. */
	@Test
	void aRestartRepublishesNothing() throws Exception {
		poller(Duration.ZERO).poll(source("Fixture", "/feed.xml", SourceKind.FEED, true));
		assertThat(this.publisher.published()).hasSize(3);
		restart();

		PollReport report = poller(Duration.ZERO).poll(source("Fixture", "/feed.xml", SourceKind.FEED, true));
		assertThat(report).isEqualTo(new PollReport("Fixture", null, 3, 0, 3, 0));
		assertThat(this.publisher.published()).hasSize(3);
		assertThat(this.site.requests("/articles/robotics-lab")).hasSize(2);
	}

	/** Within the revisit interval an article page already fetched is not even requested again. */
	@Test
	void doesNotRevisitUnchangedEntriesTooSoon() {
		SourcePoller poller = poller(Duration.ofHours(6));
		SourceHealth health = source("Fixture", "/feed.xml", SourceKind.FEED, true);
		poller.poll(health);
		PollReport second = poller.poll(health);
		assertThat(second.unchanged()).isEqualTo(3);
		assertThat(this.site.requests("/articles/robotics-lab")).hasSize(1);
	}

	/** A changed article is published again, under the same id, with a later update time. */
	@Test
	void aChangedArticleIsPublishedAgain() {
		String original = TestSite.fixture("site/robotics-lab.html");
		AtomicReference<String> page = new AtomicReference<>(original);
		this.site.route("/articles/robotics-lab", (exchange) -> TestSite.send(exchange, 200, "text/html", page.get()));
		SourcePoller poller = poller(Duration.ZERO);
		SourceHealth health = source("Fixture", "/feed.xml", SourceKind.FEED, true);
		poller.poll(health);
		page.set(original.replace("far messier places", "much messier places"));
		PollReport report = poller.poll(health);

		assertThat(report.published()).isEqualTo(1);
		List<ArticleEvent> robotics = this.publisher.published().stream()
			.filter((event) -> event.url().endsWith("/articles/robotics-lab"))
			.toList();
		assertThat(robotics).hasSize(2);
		assertThat(robotics.get(1).articleId()).isEqualTo(robotics.get(0).articleId());
		assertThat(robotics.get(1).contentHash()).isNotEqualTo(robotics.get(0).contentHash());
		assertThat(robotics.get(1).updatedAt()).isAfter(robotics.get(0).updatedAt());
		assertThat(robotics.get(1).body()).contains("much messier places");
	}

	/** An article answered 304 to our conditional request is not published again. */
	@Test
	void aNotModifiedArticleIsNotPublishedAgain() {
		String html = TestSite.fixture("site/robotics-lab.html");
		this.site.route("/articles/robotics-lab", (exchange) -> {
			if ("\"r1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			exchange.getResponseHeaders().set("ETag", "\"r1\"");
			TestSite.send(exchange, 200, "text/html", html);
		});
		SourcePoller poller = poller(Duration.ZERO);
		SourceHealth health = source("Fixture", "/feed.xml", SourceKind.FEED, true);
		poller.poll(health);
		PollReport second = poller.poll(health);
		assertThat(second.published()).isZero();
		assertThat(this.publisher.published()).hasSize(3);
		List<TestSite.Request> requests = this.site.requests("/articles/robotics-lab");
		assertThat(requests).hasSize(2);
		assertThat(requests.get(1).headers().getFirst("If-None-Match")).isEqualTo("\"r1\"");
	}

	/** A feed that is not a feed fails its own source with a clear error; the next source goes on. */
	@Test
	void aMalformedFeedIsReportedOnItsSourceWhileOthersGoOn() {
		this.site.resource("/broken.xml", "application/rss+xml", "site/malformed.xml");
		SourcePoller poller = poller(Duration.ofHours(6));
		SourceHealth broken = source("Broken", "/broken.xml", SourceKind.FEED, true);
		SourceHealth good = source("Good", "/feed.xml", SourceKind.FEED, true);

		PollReport brokenReport = poller.poll(broken);
		PollReport goodReport = poller.poll(good);

		assertThat(brokenReport.succeeded()).isFalse();
		assertThat(broken.status().lastError()).startsWith("malformed feed " + this.site.url("/broken.xml"))
			.contains("not a valid RSS or Atom feed");
		assertThat(broken.status().lastSuccess()).isNull();
		assertThat(goodReport.published()).isEqualTo(3);
	}

	/** A source on 127.0.0.1 without allowPrivateAddresses is refused with one clear WARN line. */
	@Test
	void refusesALoopbackSourceWithoutTheFlag(CapturedOutput output) {
		SourceHealth local = source("Local", "/feed.xml", SourceKind.FEED, false);
		PollReport report = poller(Duration.ofHours(6)).poll(local);
		assertThat(report.succeeded()).isFalse();
		assertThat(output).contains("WARN").contains("source 'Local' refused " + this.site.url("/feed.xml")
				+ ": 127.0.0.1 is a loopback address (set allowPrivateAddresses: true on the source to allow it)");
		assertThat(local.status().refusedRequests()).isEqualTo(1);
		assertThat(local.status().lastError()).startsWith("BLOCKED_ADDRESS");
		assertThat(this.site.requests()).isEmpty();
	}

	/** An article the broker did not take is tried again on the next poll, even when the feed has not changed. */
	@Test
	void aPublishFailureIsRetriedOnTheNextPoll() {
		String feed = TestSite.fixture("site/feed.xml").replace("{{base}}", "http://127.0.0.1:" + this.site.port());
		this.site.route("/feed.xml", (exchange) -> {
			if ("\"f1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			exchange.getResponseHeaders().set("ETag", "\"f1\"");
			TestSite.send(exchange, 200, "application/rss+xml", feed);
		});
		SourcePoller poller = poller(Duration.ofHours(6));
		SourceHealth health = source("Fixture", "/feed.xml", SourceKind.FEED, true);
		this.publisher.failNext(1);
		PollReport first = poller.poll(health);
		assertThat(first.published()).isEqualTo(2);
		assertThat(health.status().lastError()).contains("broker unavailable (test)");

		PollReport second = poller.poll(health);
		assertThat(second.published()).isEqualTo(1);
		assertThat(this.publisher.published()).hasSize(3);

		PollReport third = poller.poll(health);
		assertThat(third.found()).isZero();
		assertThat(this.site.requests("/feed.xml").get(2).headers().getFirst("If-None-Match")).isEqualTo("\"f1\"");
	}

	/** robots.txt keeps one article out; the others are published and the refusal is on the source. */
	@Test
	void honoursRobotsForArticles() {
		this.site.text("/robots.txt", "text/plain", "User-agent: *\nDisallow: /articles/robotics\n");
		SourceHealth health = source("Fixture", "/feed.xml", SourceKind.FEED, true);
		PollReport report = poller(Duration.ofHours(6)).poll(health);
		assertThat(report.published()).isEqualTo(2);
		assertThat(report.failed()).isEqualTo(1);
		assertThat(health.status().lastError()).startsWith("DISALLOWED").contains("/articles/robotics-lab");
		assertThat(this.site.requests("/articles/robotics-lab")).isEmpty();
	}

	/** A sitemap index leads to its news sitemap, and the articles listed there are published. */
	@Test
	void pollsASitemapIndex() {
		this.site.resource("/sitemap.xml", "application/xml", "site/sitemap-index.xml")
			.resource("/sitemaps/news.xml", "application/xml", "site/news-sitemap.xml")
			.text("/sitemaps/old.xml", "application/xml",
					"<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"></urlset>");
		SourceHealth health = source("Sitemap", "/sitemap.xml", SourceKind.SITEMAP, true);
		PollReport report = poller(Duration.ofHours(6)).poll(health);
		assertThat(report).isEqualTo(new PollReport("Sitemap", null, 2, 2, 0, 0));
		assertThat(this.publisher.published()).extracting(ArticleEvent::title)
			.containsExactlyInAnyOrder("Open model release draws developer interest",
					"Robotics lab shows hands that learn from video");
	}

	/** Two copies of one wire story on two sites share a storyId; another story has its own, also after a restart. */
	@Test
	void twoCopiesOfOneStoryOnTwoSitesShareAStoryId() throws Exception {
		try (TestSite other = new TestSite()) {
			this.site.text("/wire.xml", "application/rss+xml", rss(this.site.url("/business/chip-deal")))
				.resource("/business/chip-deal", "text/html", "site/wire-story-a.html");
			other.text("/wire.xml", "application/rss+xml", rss(other.url("/markets/chip-designer-deal")))
				.resource("/markets/chip-designer-deal", "text/html", "site/wire-story-b.html");
			SourcePoller poller = poller(Duration.ofHours(6));
			poller.poll(source("Daily Circuit", "/wire.xml", SourceKind.FEED, true));
			poller.poll(source("Fixture", "/feed.xml", SourceKind.FEED, true));
			restart();
			SourceHealth ledger = new SourceRegistry(List.of(new Source("The Ledger", other.url("/wire.xml"), SourceKind.FEED,
					Duration.ofMinutes(15), List.of(), true))).health("The Ledger");
			poller(Duration.ofHours(6)).poll(ledger);
		}
		ArticleEvent circuit = published("/business/chip-deal");
		ArticleEvent theLedger = published("/markets/chip-designer-deal");
		assertThat(circuit.articleId()).isNotEqualTo(theLedger.articleId());
		assertThat(theLedger.storyId()).isEqualTo(circuit.storyId()).isEqualTo(circuit.articleId().substring(0, 16));
		assertThat(published("/articles/robotics-lab").storyId()).isNotEqualTo(circuit.storyId());
	}

	private ArticleEvent published(String path) {
		return this.publisher.published().stream()
			.filter((event) -> URI.create(event.url()).getPath().equals(path))
			.findFirst()
			.orElseThrow();
	}

	private static String rss(URI link) {
		return "<rss version=\"2.0\"><channel><title>Wire</title><link>" + link + "</link><description>d</description>"
				+ "<item><title>Chip deal</title><link>" + link + "</link></item></channel></rss>";
	}

	/** A page source polls the feed its home page announces. */
	@Test
	void aPageSourceFollowsTheAnnouncedFeed() {
		this.site.resource("/", "text/html", "site/home.html");
		PollReport report = poller(Duration.ofHours(6)).poll(source("Home", "/", SourceKind.PAGE, true));
		assertThat(report.published()).isEqualTo(3);
	}

	/** A page source without a feed takes the links that look like articles. */
	@Test
	void aPageSourceWithoutAFeedTakesArticleLinks() {
		this.site.text("/ai", "text/html", "<html><body><a href='/articles/robotics-lab'>R</a>"
				+ "<a href='/2026/01/20/robotics-lab'>dated</a><a href='/tag/ai'>tag</a></body></html>");
		this.site.resource("/2026/01/20/robotics-lab", "text/html", "site/robotics-lab.html");
		PollReport report = poller(Duration.ofHours(6)).poll(source("Section", "/ai", SourceKind.PAGE, true));
		assertThat(report.found()).isEqualTo(1);
		assertThat(this.publisher.published()).singleElement()
			.satisfies((event) -> assertThat(URI.create(event.url()).getPath()).isEqualTo("/2026/01/20/robotics-lab"));
	}

	/**
	 * A link on a host that another crawler instance owns is handed to that instance, not requested here;
	 * the feed's validators are not kept, since this poll cannot know how the handed-over link ends.
	 */
	@Test
	void handsLinksOfHostsOwnedElsewhereToTheirOwner() throws Exception {
		try (TestSite other = new TestSite("127.0.0.2")) {
			other.resource("/articles/robotics-lab", "text/html", "site/robotics-lab.html");
			this.site.route("/feed.xml", (exchange) -> {
				exchange.getResponseHeaders().set("ETag", "\"f1\"");
				TestSite.send(exchange, 200, "application/rss+xml", rss(other.url("/articles/robotics-lab")));
			});
			List<String> forwarded = new ArrayList<>();
			OwnedHosts here = new OwnedHosts("127.0.0.1");
			SourcePoller poller = poller(here, (source, link, redirects) -> forwarded.add(source.name() + " " + link.url()));
			SourceHealth health = source("Fixture", "/feed.xml", SourceKind.FEED, true);

			PollReport report = poller.poll(health);
			assertThat(report).isEqualTo(new PollReport("Fixture", null, 1, 0, 0, 0, 1));
			assertThat(forwarded).containsExactly("Fixture " + other.url("/articles/robotics-lab"));
			assertThat(other.requests()).isEmpty();
			assertThat(this.publisher.published()).isEmpty();
			assertThat(this.states.get(0).fetched(this.site.url("/feed.xml").toString())).isNull();

			// the owner of 127.0.0.2 processes what was handed over; this poller, not owning it, declines
			assertThat(poller.takeOver(health, DiscoveredLink.of(other.url("/articles/robotics-lab")), 0)).isFalse();
			SourcePoller owner = poller(new OwnedHosts("127.0.0.2"), LinkForwarder.NONE);
			assertThat(owner.takeOver(health, DiscoveredLink.of(other.url("/articles/robotics-lab")), 0)).isTrue();
			assertThat(this.publisher.published()).singleElement()
				.satisfies((event) -> assertThat(event.url()).startsWith(other.base()));
		}
	}

	/** A poller for one of several instances, with a state directory of its own. */
	private SourcePoller poller(OwnedHosts ownership, LinkForwarder forwarder) throws Exception {
		FileCrawlState state = FileCrawlState.open(java.nio.file.Files.createTempDirectory(this.stateDir, "instance"));
		HttpFetcher fetcher = new HttpFetcher(FETCH, HostResolver.system(), null, new SimpleMeterRegistry(), ownership);
		this.resources.add(0, state);
		this.resources.add(0, fetcher);
		this.states.add(state);
		return new SourcePoller(fetcher, new JsoupArticleExtractor(), this.publisher, state,
				new SourcePoller.Settings(100, 5, Duration.ofHours(6)), new SimpleMeterRegistry(), Clock.systemUTC(),
				ownership, forwarder);
	}

}
