package io.newshound.crawler.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.support.net.HostResolver;
import io.newshound.crawler.OwnedHosts;
import io.newshound.crawler.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The fetcher against a real local HTTP server. */
class HttpFetcherTests {

	static final FetchSettings SETTINGS = new FetchSettings("Newshound/0.1 (+https://example.org/contact)",
			Duration.ofSeconds(2), Duration.ofSeconds(2), 1024 * 1024, 5, 2, Duration.ofMillis(50), Duration.ofSeconds(5),
			Duration.ZERO, Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofSeconds(30));

	/** A fake host name that DNS (our resolver) places on a public address; the test site is its proxy. */
	static final String PUBLIC_HOST = "news.example.test";

	static final String INTERNAL_HOST = "intranet.example.test";

	private static byte[] bomb;

	private final TestSite site = new TestSite();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final List<HttpFetcher> fetchers = new ArrayList<>();

	@BeforeAll
	static void makeBomb() throws IOException {
		bomb = BoundedBodyTests.gzip(new byte[64 * 1024 * 1024]);
	}

	@AfterEach
	void close() {
		this.fetchers.forEach(HttpFetcher::close);
		this.site.close();
	}

	private HttpFetcher fetcher(FetchSettings settings) {
		HostResolver dns = fakeDns(Map.of(PUBLIC_HOST, "93.184.215.14", INTERNAL_HOST, "127.0.0.1"));
		HttpFetcher fetcher = new HttpFetcher(settings, dns, null, this.meters);
		this.fetchers.add(fetcher);
		return fetcher;
	}

	/** A fetcher that reaches every host through the test site, with DNS answered by the fake resolver. */
	private HttpFetcher proxiedFetcher() {
		HostResolver dns = fakeDns(Map.of(PUBLIC_HOST, "93.184.215.14", INTERNAL_HOST, "127.0.0.1"));
		HttpFetcher fetcher = new HttpFetcher(SETTINGS, dns, this.site.asProxy(), this.meters);
		this.fetchers.add(fetcher);
		return fetcher;
	}

	private FetchResult get(HttpFetcher fetcher, URI url, boolean allowPrivate) {
		return fetcher.fetch(FetchRequest.of(url, Accept.HTML, allowPrivate));
	}

	@Test
	void fetchesAPageWithTheNewshoundUserAgent() {
		this.site.text("/a", "text/html; charset=utf-8", "<p>hello</p>");
		FetchResult result = get(fetcher(SETTINGS), this.site.url("/a"), true);
		assertThat(result.status()).isEqualTo(FetchStatus.FETCHED);
		assertThat(new String(result.body())).isEqualTo("<p>hello</p>");
		assertThat(result.mediaType()).isEqualTo("text/html");
		assertThat(result.charset()).isEqualTo("utf-8");
		assertThat(this.site.requests("/a")).singleElement()
			.satisfies((request) -> assertThat(request.headers().getFirst("User-Agent"))
				.isEqualTo("Newshound/0.1 (+https://example.org/contact)"));
		assertThat(this.meters.counter("newshound.crawler.pages.fetched").count()).isEqualTo(1);
	}

	/** A host that belongs to another crawler instance is not requested at all, not even its robots.txt. */
	@Test
	void doesNotRequestAHostOwnedByAnotherInstance() {
		this.site.text("/a", "text/html", "<p>hello</p>");
		HttpFetcher fetcher = new HttpFetcher(SETTINGS, HostResolver.system(), null, this.meters, new OwnedHosts());
		this.fetchers.add(fetcher);
		FetchResult result = get(fetcher, this.site.url("/a"), true);
		assertThat(result.status()).isEqualTo(FetchStatus.NOT_OWNED);
		assertThat(result.status().isError()).isFalse();
		assertThat(result.finalUrl()).isEqualTo(this.site.url("/a"));
		assertThat(this.site.requests()).isEmpty();
	}

	/** A redirect to a host of another instance ends the fetch there, with that URL, for its owner to fetch. */
	@Test
	void stopsAtARedirectToAHostOwnedByAnotherInstance() {
		try (TestSite other = new TestSite("127.0.0.2")) {
			other.text("/moved", "text/html", "<p>moved</p>");
			this.site.redirect("/a", 301, other.url("/moved").toString());
			HttpFetcher fetcher = new HttpFetcher(SETTINGS, HostResolver.system(), null, this.meters,
					new OwnedHosts("127.0.0.1"));
			this.fetchers.add(fetcher);
			FetchResult result = get(fetcher, this.site.url("/a"), true);
			assertThat(result.status()).isEqualTo(FetchStatus.NOT_OWNED);
			assertThat(result.finalUrl()).isEqualTo(other.url("/moved"));
			assertThat(this.site.requests("/a")).hasSize(1);
			assertThat(other.requests()).isEmpty();
		}
	}

	/** 127.0.0.1 is refused for a source without allowPrivateAddresses, and nothing is sent to it. */
	@Test
	void refusesLoopbackWithoutTheFlagAndAllowsItWithIt() {
		this.site.text("/feed.xml", "application/rss+xml", "<rss/>");
		FetchResult refused = get(fetcher(SETTINGS), this.site.url("/feed.xml"), false);
		assertThat(refused.status()).isEqualTo(FetchStatus.BLOCKED_ADDRESS);
		assertThat(refused.detail()).isEqualTo("127.0.0.1 is a loopback address");
		assertThat(this.site.requests()).isEmpty();
		assertThat(this.meters.counter("newshound.crawler.fetch.errors", "kind", "BLOCKED_ADDRESS").count()).isEqualTo(1);

		FetchResult allowed = fetcher(SETTINGS).fetch(FetchRequest.of(this.site.url("/feed.xml"), Accept.FEED, true));
		assertThat(allowed.status()).isEqualTo(FetchStatus.FETCHED);
	}

	/** A host name whose DNS answer is a loopback address is refused like the literal. */
	@Test
	void refusesAHostNameThatResolvesInside() {
		this.site.text("/", "text/html", "<p>internal</p>");
		FetchResult result = get(proxiedFetcher(), URI.create("http://" + INTERNAL_HOST + "/"), false);
		assertThat(result.status()).isEqualTo(FetchStatus.BLOCKED_ADDRESS);
		assertThat(result.detail()).isEqualTo("127.0.0.1 is a loopback address");
		assertThat(this.site.requests()).isEmpty();
	}

	/** A public host that redirects to 127.0.0.1 is refused at the redirect, before anything reaches it. */
	@Test
	void refusesARedirectToLoopback() {
		this.site.redirect("/to-loopback", 302, "http://127.0.0.1:" + this.site.port() + "/secret");
		this.site.text("/secret", "text/html", "<p>secret</p>");
		FetchResult result = get(proxiedFetcher(), URI.create("http://" + PUBLIC_HOST + "/to-loopback"), false);
		assertThat(result.status()).isEqualTo(FetchStatus.BLOCKED_ADDRESS);
		assertThat(result.finalUrl()).isEqualTo(this.site.url("/secret"));
		assertThat(result.detail()).isEqualTo("127.0.0.1 is a loopback address");
		assertThat(this.site.requests("/to-loopback")).hasSize(1);
		assertThat(this.site.requests("/secret")).isEmpty();
	}

	/** A public host that redirects to the cloud metadata address is refused. */
	@Test
	void refusesARedirectToTheMetadataAddress() {
		this.site.redirect("/to-metadata", 301, "http://169.254.169.254/latest/meta-data/");
		FetchResult result = get(proxiedFetcher(), URI.create("http://" + PUBLIC_HOST + "/to-metadata"), false);
		assertThat(result.status()).isEqualTo(FetchStatus.BLOCKED_ADDRESS);
		assertThat(result.detail()).isEqualTo("169.254.169.254 is the cloud metadata address (link-local)");
		assertThat(this.site.requests("/latest/meta-data/")).isEmpty();
	}

	@Test
	void followsRedirectsWithinTheLimit() {
		this.site.redirect("/r1", 301, "/r2").redirect("/r2", 302, "r3").redirect("/r3", 307, "/final#frag");
		this.site.text("/final", "text/html", "<p>here</p>");
		FetchResult result = get(fetcher(SETTINGS), this.site.url("/r1"), true);
		assertThat(result.status()).isEqualTo(FetchStatus.FETCHED);
		assertThat(result.url()).isEqualTo(this.site.url("/r1"));
		assertThat(result.finalUrl()).isEqualTo(this.site.url("/final"));
	}

	@Test
	void stopsAtTheRedirectLimit() {
		for (int i = 0; i < 8; i++) {
			this.site.redirect("/hop" + i, 302, "/hop" + (i + 1));
		}
		FetchResult result = get(fetcher(SETTINGS), this.site.url("/hop0"), true);
		assertThat(result.status()).isEqualTo(FetchStatus.REDIRECT_LIMIT);
		assertThat(result.detail()).isEqualTo("more than 5 redirects");
		assertThat(this.site.requests().stream().filter((r) -> r.path().startsWith("/hop"))).hasSize(6);
	}

	@Test
	void cutsRedirectLoops() {
		this.site.redirect("/loop-a", 302, "/loop-b").redirect("/loop-b", 302, "/loop-a");
		FetchResult result = get(fetcher(SETTINGS), this.site.url("/loop-a"), true);
		assertThat(result.status()).isEqualTo(FetchStatus.REDIRECT_LIMIT);
		assertThat(result.detail()).isEqualTo("redirect loop");
		assertThat(this.site.requests("/loop-a")).hasSize(1);
	}

	/** A gzip bomb (64 MB of zeros) is cut off at the 1 MB limit, not inflated. */
	@Test
	void cutsOffAGzipBomb() {
		this.site.route("/bomb", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "text/html");
			exchange.getResponseHeaders().set("Content-Encoding", "gzip");
			exchange.sendResponseHeaders(200, bomb.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bomb);
			}
		});
		FetchResult result = get(fetcher(SETTINGS), this.site.url("/bomb"), true);
		assertThat(result.status()).isEqualTo(FetchStatus.TOO_LARGE);
		assertThat(result.detail()).contains("after decompression");
		assertThat(result.body()).isEmpty();
	}

	/** A 10 GB Content-Length is refused from the header alone. */
	@Test
	void refusesAHugeContentLength() {
		this.site.route("/huge", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "text/html");
			exchange.sendResponseHeaders(200, 10L * 1024 * 1024 * 1024);
			exchange.getResponseBody().write(new byte[1024]);
		});
		FetchResult result = get(fetcher(SETTINGS), this.site.url("/huge"), true);
		assertThat(result.status()).isEqualTo(FetchStatus.TOO_LARGE);
		assertThat(result.detail()).startsWith("Content-Length 10737418240 is over the limit");
	}

	/** A conditional request with the ETag we hold is answered 304. */
	@Test
	void conditionalGetAnswers304() {
		this.site.route("/etag", (exchange) -> {
			if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			exchange.getResponseHeaders().set("ETag", "\"v1\"");
			exchange.getResponseHeaders().set("Last-Modified", "Sat, 14 Mar 2026 07:30:00 GMT");
			TestSite.send(exchange, 200, "text/html", "<p>v1</p>");
		});
		HttpFetcher fetcher = fetcher(SETTINGS);
		FetchResult first = get(fetcher, this.site.url("/etag"), true);
		assertThat(first.validators()).isEqualTo(new Validators("\"v1\"", "Sat, 14 Mar 2026 07:30:00 GMT"));
		FetchResult second = fetcher.fetch(FetchRequest.of(this.site.url("/etag"), Accept.HTML, true).withValidators(first.validators()));
		assertThat(second.status()).isEqualTo(FetchStatus.NOT_MODIFIED);
		assertThat(this.site.requests("/etag").get(1).headers().getFirst("If-Modified-Since"))
			.isEqualTo("Sat, 14 Mar 2026 07:30:00 GMT");
	}

	/** robots.txt disallow is honoured: the disallowed page is never requested. */
	@Test
	void honoursRobotsDisallow() {
		this.site.text("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
		this.site.text("/private/page", "text/html", "<p>private</p>");
		this.site.text("/public", "text/html", "<p>public</p>");
		HttpFetcher fetcher = fetcher(SETTINGS);
		FetchResult disallowed = get(fetcher, this.site.url("/private/page"), true);
		assertThat(disallowed.status()).isEqualTo(FetchStatus.DISALLOWED);
		assertThat(get(fetcher, this.site.url("/public"), true).status()).isEqualTo(FetchStatus.FETCHED);
		assertThat(this.site.requests("/private/page")).isEmpty();
		assertThat(this.site.requests("/robots.txt")).hasSize(1);
	}

	/** A Crawl-delay of 1 s spaces the requests to the host by at least a second. */
	@Test
	void honoursCrawlDelay() {
		this.site.text("/robots.txt", "text/plain", "User-agent: newshound\nCrawl-delay: 1\nAllow: /\n");
		for (String path : List.of("/d1", "/d2", "/d3")) {
			this.site.text(path, "text/html", "<p>d</p>");
		}
		HttpFetcher fetcher = fetcher(SETTINGS);
		for (String path : List.of("/d1", "/d2", "/d3")) {
			assertThat(get(fetcher, this.site.url(path), true).status()).isEqualTo(FetchStatus.FETCHED);
		}
		long first = this.site.requests("/d1").get(0).nanos();
		long second = this.site.requests("/d2").get(0).nanos();
		long third = this.site.requests("/d3").get(0).nanos();
		assertThat(Duration.ofNanos(second - first)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
		assertThat(Duration.ofNanos(third - second)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	/** Concurrent fetches of one host run one at a time, spaced by the minimum delay. */
	@Test
	void oneRequestInFlightPerHost() throws Exception {
		AtomicInteger inFlight = new AtomicInteger();
		AtomicInteger maxInFlight = new AtomicInteger();
		for (int i = 0; i < 4; i++) {
			this.site.route("/slow" + i, (exchange) -> {
				maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				inFlight.decrementAndGet();
				TestSite.send(exchange, 200, "text/html", "<p>slow</p>");
			});
		}
		HttpFetcher fetcher = fetcher(SETTINGS.withMinDelay(Duration.ofMillis(200)));
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<CompletableFuture<FetchResult>> results = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				URI url = this.site.url("/slow" + i);
				results.add(CompletableFuture.supplyAsync(() -> get(fetcher, url, true), pool));
			}
			for (CompletableFuture<FetchResult> result : results) {
				assertThat(result.get().status()).isEqualTo(FetchStatus.FETCHED);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(maxInFlight.get()).isEqualTo(1);
		List<Long> times = this.site.requests().stream()
			.filter((r) -> r.path().startsWith("/slow"))
			.map(TestSite.Request::nanos)
			.sorted()
			.toList();
		for (int i = 1; i < times.size(); i++) {
			// 100 ms in the handler plus the 200 ms delay after each answer
			assertThat(Duration.ofNanos(times.get(i) - times.get(i - 1))).isGreaterThanOrEqualTo(Duration.ofMillis(290));
		}
	}

	/** A 503 with Retry-After: 1 is retried after a second. */
	@Test
	void retriesAServerErrorHonouringRetryAfter() {
		AtomicInteger calls = new AtomicInteger();
		this.site.route("/flaky", (exchange) -> {
			if (calls.incrementAndGet() == 1) {
				exchange.getResponseHeaders().set("Retry-After", "1");
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			TestSite.send(exchange, 200, "text/html", "<p>back</p>");
		});
		FetchResult result = get(fetcher(SETTINGS), this.site.url("/flaky"), true);
		assertThat(result.status()).isEqualTo(FetchStatus.FETCHED);
		List<TestSite.Request> requests = this.site.requests("/flaky");
		assertThat(requests).hasSize(2);
		assertThat(Duration.ofNanos(requests.get(1).nanos() - requests.get(0).nanos()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	/** A Retry-After longer than we wait ends the fetch at once, and holds the host back. */
	@Test
	void aLongRetryAfterEndsTheFetchAndHoldsTheHostBack() {
		this.site.route("/busy", (exchange) -> {
			exchange.getResponseHeaders().set("Retry-After", "3600");
			exchange.sendResponseHeaders(429, -1);
		});
		this.site.text("/other", "text/html", "<p>other</p>");
		HttpFetcher fetcher = fetcher(SETTINGS.withRetries(2, Duration.ofMillis(10)));
		FetchResult result = get(fetcher, this.site.url("/busy"), true);
		assertThat(result.status()).isEqualTo(FetchStatus.HTTP_ERROR);
		assertThat(result.httpStatus()).isEqualTo(429);
		assertThat(result.retryAfter()).isEqualTo(Duration.ofHours(1));
		assertThat(this.site.requests("/busy")).hasSize(1);
		FetchResult held = get(fetcher, this.site.url("/other"), true);
		assertThat(held.status()).isEqualTo(FetchStatus.IO_ERROR);
		assertThat(held.detail()).contains("held back until");
		assertThat(this.site.requests("/other")).isEmpty();
	}

	@Test
	void gives404AsHttpErrorAndFiltersContentTypes() {
		this.site.text("/image", "image/png", "PNG");
		HttpFetcher fetcher = fetcher(SETTINGS);
		FetchResult missing = get(fetcher, this.site.url("/missing"), true);
		assertThat(missing.status()).isEqualTo(FetchStatus.HTTP_ERROR);
		assertThat(missing.httpStatus()).isEqualTo(404);
		FetchResult image = get(fetcher, this.site.url("/image"), true);
		assertThat(image.status()).isEqualTo(FetchStatus.UNSUPPORTED_TYPE);
		assertThat(image.detail()).isEqualTo("content type image/png is not html");
	}

	/** A page served as octet-stream (or untyped) is kept when its body is HTML, refused otherwise. */
	@Test
	void sniffsPagesServedWithoutAUsefulType() {
		this.site.text("/untyped", "application/octet-stream", "<!DOCTYPE html><html><body><p>page</p></body></html>");
		this.site.text("/binary", "application/octet-stream", "PK\u0003\u0004 zip bytes");
		HttpFetcher fetcher = fetcher(SETTINGS);
		assertThat(get(fetcher, this.site.url("/untyped"), true).status()).isEqualTo(FetchStatus.FETCHED);
		FetchResult binary = get(fetcher, this.site.url("/binary"), true);
		assertThat(binary.status()).isEqualTo(FetchStatus.UNSUPPORTED_TYPE);
		assertThat(binary.detail()).contains("does not look like HTML");
	}

	/** A body that stops arriving ends as IO_ERROR at the read deadline. */
	@Test
	void endsAStalledBodyAtTheDeadline() {
		this.site.route("/stall", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "text/html");
			exchange.sendResponseHeaders(200, 1000);
			exchange.getResponseBody().write("<p>start".getBytes());
			exchange.getResponseBody().flush();
			try {
				Thread.sleep(15_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		long start = System.nanoTime();
		FetchResult result = get(fetcher(SETTINGS), this.site.url("/stall"), true);
		assertThat(result.status()).isEqualTo(FetchStatus.IO_ERROR);
		// the body deadline and the socket's read timeout are both 2 s here: whichever fires first ends the fetch
		assertThat(result.detail()).satisfiesAnyOf((detail) -> assertThat(detail).isEqualTo("body not complete within 2s"),
				(detail) -> assertThat(detail).contains("Read timed out"));
		// long before the server would have finished the body
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(12));
	}

	@Test
	void reportsConnectionRefusedAndUnknownHosts() {
		int closedPort;
		try (TestSite other = new TestSite()) {
			closedPort = other.port();
		}
		HttpFetcher fetcher = fetcher(SETTINGS);
		FetchResult refused = fetcher
			.fetch(new FetchRequest(URI.create("http://127.0.0.1:" + closedPort + "/"), Accept.HTML, true, null, false));
		assertThat(refused.status()).isEqualTo(FetchStatus.IO_ERROR);
		assertThat(refused.detail()).isEqualTo("connection refused");
		FetchResult unknown = get(fetcher, URI.create("http://nowhere.example.test/"), false);
		assertThat(unknown.status()).isEqualTo(FetchStatus.IO_ERROR);
		assertThat(unknown.detail()).isEqualTo("unknown host nowhere.example.test");
	}

	/** A resolver that knows a few names and treats everything else as an IP literal. */
	private static HostResolver fakeDns(Map<String, String> names) {
		return (host) -> {
			String address = names.getOrDefault(host, host);
			if (!Character.isDigit(address.charAt(0)) && !address.contains(":")) {
				throw new java.net.UnknownHostException(host);
			}
			return List.of(java.net.InetAddress.getByName(address));
		};
	}

}
