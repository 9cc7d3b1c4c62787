package io.newshound.crawler.crawl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.crawler.TestSite;
import io.newshound.crawler.extract.JsoupArticleExtractor;
import io.newshound.crawler.fetch.FetchSettings;
import io.newshound.crawler.fetch.FetchStatus;
import io.newshound.support.net.HostResolver;
import io.newshound.crawler.fetch.HttpFetcher;
import io.newshound.events.ArticleEvent;
import io.newshound.crawler.source.Source;
import io.newshound.crawler.source.SourceHealth;
import io.newshound.crawler.source.SourceKind;
import io.newshound.crawler.source.SourceRegistry;
import io.newshound.crawler.state.FileCrawlState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hostile site against a whole poll, on a real local server: pages that drip one byte at a time, bodies that
 * never end, a Content-Length that lies, a charset that lies, binary served as text/html, a page with 50,000
 * links, a feed with 50,000 entries and one larger than the body limit. Each is cut off by the crawler's own
 * limits — the read deadline, the body limit, the link limit — and reported as an outcome, and a healthy source
 * polled by the same crawler afterwards is still published. (Redirect loops and limits, gzip bombs, a 10 GB
 * Content-Length and a stalled body are pinned in HttpFetcherTests; a malformed feed and DOCTYPEs in
 * SourcePollerTests and FeedParserTests.)
 */
class HostileSiteTests {

	private static final int MAX_BODY = 256 * 1024;

	private static final int MAX_LINKS = 100;

	/** Read deadline 2 s, body limit 256 kB, no retries, no politeness delay. */
	private static final FetchSettings FETCH = new FetchSettings("Newshound/0.1 (+https://example.org/contact)",
			Duration.ofSeconds(2), Duration.ofSeconds(2), MAX_BODY, 5, 0, Duration.ofMillis(10), Duration.ofSeconds(1),
			Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(30));

	@TempDir
	Path stateDir;

	private final TestSite site = new TestSite();

	private final RecordingPublisher publisher = new RecordingPublisher();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private FileCrawlState state;

	private HttpFetcher fetcher;

	private SourcePoller poller;

	@BeforeEach
	void start() {
		this.site.resource("/good/feed.xml", "application/rss+xml; charset=utf-8", "site/feed.xml")
			.resource("/articles/chip-export-rules", "text/html; charset=utf-8", "site/chip-export-rules.html")
			.resource("/articles/open-model-release", "text/html; charset=utf-8", "site/open-model-release.html")
			.resource("/articles/robotics-lab", "text/html", "site/robotics-lab.html");
		this.state = FileCrawlState.open(this.stateDir);
		this.fetcher = new HttpFetcher(FETCH, HostResolver.system(), null, this.meters);
		this.poller = new SourcePoller(this.fetcher, new JsoupArticleExtractor(), this.publisher, this.state,
				new SourcePoller.Settings(MAX_LINKS, 5, Duration.ofHours(6)), this.meters, Clock.systemUTC());
	}

	@AfterEach
	void close() {
		this.fetcher.close();
		this.state.close();
		this.site.close();
	}

	/**
	 * One feed whose every article is hostile: each fails alone with the crawler's own outcome (read deadline,
	 * body limit, broken body), the lying charset and the binary page do not throw, and the healthy source polled
	 * next by the same poller publishes all three of its articles.
	 */
	@Test
	void hostileArticlesFailAloneAndTheHealthySourceIsStillPublished() {
		this.site.route("/drip", HostileSiteTests::slowDrip)
			.route("/endless", HostileSiteTests::endlessChunkedBody)
			.route("/short", HostileSiteTests::contentLengthLongerThanTheBody)
			.route("/charset", HostileSiteTests::latin1ServedAsUtf8)
			.route("/binary", HostileSiteTests::binaryAsHtml)
			.text("/hostile/feed.xml", "application/rss+xml", feed("/drip", "/endless", "/short", "/charset", "/binary"));

		PollReport hostile = this.poller.poll(source("Hostile", "/hostile/feed.xml", SourceKind.FEED));
		PollReport good = this.poller.poll(source("Good", "/good/feed.xml", SourceKind.FEED));

		assertThat(hostile.found()).isEqualTo(5);
		assertThat(hostile.failed()).as("drip, endless and short fail; %s", hostile).isGreaterThanOrEqualTo(3);
		assertThat(errors(FetchStatus.IO_ERROR)).as("slow drip and short body end as IO_ERROR").isGreaterThanOrEqualTo(2);
		assertThat(errors(FetchStatus.TOO_LARGE)).as("the endless body is cut at the limit").isEqualTo(1);
		assertThat(this.publisher.published()).extracting(ArticleEvent::url)
			.noneMatch((url) -> url.endsWith("/drip") || url.endsWith("/endless") || url.endsWith("/short"));
		assertThat(this.publisher.published()).as("the page whose charset lies is still read")
			.filteredOn((event) -> event.url().endsWith("/charset"))
			.singleElement()
			.satisfies((event) -> assertThat(event.body()).contains("dexterous hands"));
		assertThat(good.published()).isEqualTo(3);
		assertThat(good.error()).isNull();
	}

	/** A page with 50,000 article-like links yields at most the link limit; a feed of 50,000 entries too. */
	@Test
	void fiftyThousandLinksAreCappedAtTheLimit() {
		StringBuilder page = new StringBuilder("<html><body><h1>Links</h1>");
		for (int i = 0; i < 50_000; i++) {
			page.append("<a href=\"/news/2026/11/story-").append(i).append("\">Story number ").append(i).append("</a>\n");
		}
		this.site.text("/links", "text/html; charset=utf-8", page.append("</body></html>").toString());
		List<String> entries = new ArrayList<>();
		for (int i = 0; i < 50_000; i++) {
			entries.add("/e" + i);
		}
		String bigFeed = feed(entries.toArray(String[]::new));
		assertThat(bigFeed.length()).as("fits in the body limit only if small: make it fit").isLessThan(5 * 1024 * 1024);
		SourcePoller roomy = new SourcePoller(new HttpFetcher(new FetchSettings(FETCH.userAgent(), FETCH.connectTimeout(),
				Duration.ofSeconds(10), 8 * 1024 * 1024, 5, 0, FETCH.retryBackoff(), FETCH.maxRetryAfter(), Duration.ZERO,
				FETCH.maxCrawlDelay(), FETCH.robotsCacheTtl(), FETCH.maxHostWait()), HostResolver.system(), null, this.meters),
				new JsoupArticleExtractor(), this.publisher, this.state, new SourcePoller.Settings(MAX_LINKS, 5, Duration.ofHours(6)),
				this.meters, Clock.systemUTC());
		this.site.text("/big/feed.xml", "application/rss+xml", bigFeed);

		PollReport links = roomy.poll(source("Links", "/links", SourceKind.PAGE));
		PollReport feed = roomy.poll(source("Big feed", "/big/feed.xml", SourceKind.FEED));

		assertThat(links.found()).isLessThanOrEqualTo(MAX_LINKS);
		assertThat(feed.found()).isEqualTo(MAX_LINKS);
	}

	/** A feed larger than the body limit fails its source as TOO_LARGE, with a clear error; nothing is parsed. */
	@Test
	void anEnormousFeedIsRefusedAtTheBodyLimit() {
		StringBuilder items = new StringBuilder();
		for (int i = 0; items.length() < 2 * MAX_BODY; i++) {
			items.append("<item><title>Entry ").append(i).append("</title><link>").append(this.site.url("/e" + i))
				.append("</link><description>").append("x".repeat(200)).append("</description></item>\n");
		}
		this.site.text("/enormous.xml", "application/rss+xml",
				"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>E</title>" + items + "</channel></rss>");
		SourceHealth health = source("Enormous", "/enormous.xml", SourceKind.FEED);

		PollReport report = this.poller.poll(health);

		assertThat(report.succeeded()).isFalse();
		assertThat(health.status().lastError()).contains("TOO_LARGE");
		assertThat(errors(FetchStatus.TOO_LARGE)).isEqualTo(1);
		assertThat(this.publisher.published()).isEmpty();
	}

	private SourceHealth source(String name, String path, SourceKind kind) {
		Source source = new Source(name, this.site.url(path), kind, Duration.ofMinutes(15), List.of(), true);
		return new SourceRegistry(List.of(source)).health(name);
	}

	private double errors(FetchStatus status) {
		var counter = this.meters.find("newshound.crawler.fetch.errors").tag("kind", status.name()).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private String feed(String... paths) {
		StringBuilder items = new StringBuilder();
		for (String path : paths) {
			items.append("<item><title>Item ").append(path).append("</title><link>").append(this.site.url(path))
				.append("</link></item>\n");
		}
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Hostile</title>"
				+ "<link>" + this.site.base() + "/</link><description>d</description>" + items + "</channel></rss>";
	}

	/** One byte every 100 ms, chunked, for far longer than the read deadline: never stalls, never ends in time. */
	private static void slowDrip(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			for (int i = 0; i < 100; i++) {
				out.write('a');
				out.flush();
				Thread.sleep(100);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// the crawler hung up: what it should do
		}
	}

	/** A chunked body that never ends (until the crawler hangs up). */
	private static void endlessChunkedBody(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(200, 0);
		byte[] chunk = "<p>and on and on and on</p>\n".repeat(500).getBytes(StandardCharsets.UTF_8);
		try (OutputStream out = exchange.getResponseBody()) {
			for (long sent = 0; sent < 1L << 32; sent += chunk.length) {
				out.write(chunk);
			}
		}
		catch (IOException ex) {
			// the crawler hung up at its limit
		}
	}

	/** Announces 100,000 bytes, sends 100 and closes the connection. */
	private static void contentLengthLongerThanTheBody(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(200, 100_000);
		exchange.getResponseBody().write("<html><body><p>".repeat(6).getBytes(StandardCharsets.UTF_8));
		exchange.getResponseBody().flush();
		exchange.close();
	}

	/** Says UTF-8, sends ISO-8859-1 (Zürich as a lone 0xFC byte). */
	private static void latin1ServedAsUtf8(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
		String page = "<html><head><title>Robotics lab opens in Z\u00fcrich</title></head><body><article><h1>Robotics lab "
				+ "opens in Z\u00fcrich</h1>" + "<p>A robotics lab opened in Z\u00fcrich this week, with twenty researchers "
				+ "working on dexterous hands and the models that drive them. </p>".repeat(8) + "</article></body></html>";
		byte[] body = page.getBytes(Charset.forName("ISO-8859-1"));
		exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	/** 200 kB of random bytes served as text/html. */
	private static void binaryAsHtml(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
		byte[] body = new byte[200 * 1024];
		new Random(42).nextBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "text/html");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

}
