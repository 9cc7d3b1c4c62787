package io.newshound.crawler.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newshound.support.net.AddressGuard;
import io.newshound.support.net.HostResolver;

/**
 * The {@link Fetcher} on Apache HttpClient 5. Per hop of a fetch: the URL's host is resolved
 * and checked by the {@link AddressGuard}, and the connection goes to the address it checked — the client
 * never resolves a name itself ({@link GuardedDns}), so a DNS answer that changes between the check and the
 * connection (DNS rebinding) cannot send a request inside; robots.txt is consulted; the host's turn is taken
 * ({@link HostGate}: one request in flight per host, a delay between requests that is the larger of
 * the configured minimum and the host's crawl-delay); the request is sent with the Newshound
 * User-Agent and, on the first hop, the validators of the copy we hold. Redirects are followed by hand
 * (so every hop passes the guard), up to the limit and never in a loop. 429 and 5xx are retried with
 * exponential backoff that honours {@code Retry-After}. The body is decompressed by
 * {@link BoundedBody} and cut off at the size limit; the whole exchange has a deadline.
 *
 * <p>When several crawler instances share the work, a hop goes only to a host that this instance
 * owns ({@link HostOwnership}); anything else ends as {@link FetchStatus#NOT_OWNED} with the URL
 * of the hop, for the owner to fetch. Each request is registered with the ownership from the moment
 * the host's turn is taken to the last byte of the answer, so that a host is never handed to
 * another instance while a request to it is in flight.
 *
 * <p>Metrics: {@code newshound.crawler.fetches} by {@code status} and {@code kind} (html, feed, sitemap,
 * robots), {@code newshound.crawler.pages.fetched} (2xx pages, feeds and sitemaps, not robots.txt),
 * {@code newshound.crawler.fetch.errors} by {@code kind} (a {@link FetchStatus} that is an error; not
 * counted for robots.txt itself), {@code newshound.crawler.bytes.fetched} (decoded body bytes of those
 * pages), {@code newshound.crawler.politeness.wait} (time spent waiting for a host's turn).
 */
public final class HttpFetcher implements Fetcher, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);

	/** Longest a {@code Retry-After} holds a host back. */
	private static final Duration MAX_HOLD = Duration.ofHours(1);

	private final FetchSettings settings;

	private final AddressGuard guard;

	private final CloseableHttpClient client;

	private final HostGate gate;

	private final RobotsCache robots;

	private final ScheduledExecutorService watchdog;

	private final HostOwnership ownership;

	private final MeterRegistry meters;

	private final Counter pagesFetched;

	private final DistributionSummary bytesFetched;

	private final Timer politenessWait;

	/**
	 * @param settings limits and manners
	 * @param resolver DNS as the address guard sees it
	 * @param proxy the proxy the HTTP client goes through, or {@code null} to connect directly
	 * @param meters where the fetch metrics go
	 */
	public HttpFetcher(FetchSettings settings, HostResolver resolver, ProxySelector proxy, MeterRegistry meters) {
		this(settings, resolver, proxy, meters, HostOwnership.everything());
	}

	/**
	 * @param settings limits and manners
	 * @param resolver DNS as the address guard sees it
	 * @param proxy the proxy the HTTP client goes through, or {@code null} to connect directly
	 * @param meters where the fetch metrics go
	 * @param ownership the hosts this instance may request
	 */
	public HttpFetcher(FetchSettings settings, HostResolver resolver, ProxySelector proxy, MeterRegistry meters,
			HostOwnership ownership) {
		this.settings = settings;
		this.ownership = ownership;
		this.guard = new AddressGuard(resolver);
		HttpClientBuilder builder = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(new GuardedDns())
				.setDefaultConnectionConfig(ConnectionConfig.custom()
					.setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeout().toMillis()))
					.setSocketTimeout(Timeout.ofMilliseconds(settings.readTimeout().toMillis()))
					.build())
				.setMaxConnTotal(64)
				.setMaxConnPerRoute(4)
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setResponseTimeout(Timeout.ofMilliseconds(settings.readTimeout().toMillis()))
				.build())
			// redirects are followed by hand (every hop passes the guard), bodies decoded by BoundedBody
			.disableRedirectHandling()
			.disableContentCompression()
			.disableAutomaticRetries()
			.disableCookieManagement();
		if (proxy != null) {
			builder.setRoutePlanner(new SystemDefaultRoutePlanner(proxy));
		}
		this.client = builder.build();
		Clock clock = Clock.systemUTC();
		this.gate = new HostGate(clock);
		this.robots = new RobotsCache(this::fetch, settings.robotsCacheTtl(), settings.maxCrawlDelay(), clock);
		this.watchdog = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "fetch-deadline");
			thread.setDaemon(true);
			return thread;
		});
		this.meters = meters;
		this.pagesFetched = Counter.builder("newshound.crawler.pages.fetched")
			.description("Documents fetched with a 2xx answer (pages, feeds, sitemaps)")
			.register(meters);
		this.bytesFetched = DistributionSummary.builder("newshound.crawler.bytes.fetched")
			.description("Decoded body bytes fetched")
			.baseUnit("bytes")
			.register(meters);
		this.politenessWait = Timer.builder("newshound.crawler.politeness.wait")
			.description("Time spent waiting for a host's turn")
			.register(meters);
	}

	@Override
	public FetchResult fetch(FetchRequest request) {
		FetchResult result;
		try {
			result = follow(request);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			result = FetchResult.failure(FetchStatus.IO_ERROR, request.url(), request.url(), 0, "interrupted");
		}
		record(request, result);
		return result;
	}

	private FetchResult follow(FetchRequest request) throws InterruptedException {
		URI url = request.url();
		Set<URI> visited = new HashSet<>();
		for (int hop = 0;; hop++) {
			if (!visited.add(url)) {
				return FetchResult.failure(FetchStatus.REDIRECT_LIMIT, request.url(), url, 0, "redirect loop");
			}
			Validators validators = (hop == 0) ? request.validators() : Validators.NONE;
			Hop answer = hop(request, url, validators);
			if (answer.redirect() == null) {
				return answer.result();
			}
			if (hop >= this.settings.maxRedirects()) {
				return FetchResult.failure(FetchStatus.REDIRECT_LIMIT, request.url(), answer.redirect(), 0,
						"more than " + this.settings.maxRedirects() + " redirects");
			}
			url = answer.redirect();
		}
	}

	/** The answer of one hop: a final result, or where it redirects to. */
	private record Hop(FetchResult result, URI redirect) {

		static Hop done(FetchResult result) {
			return new Hop(result, null);
		}

	}

	private Hop hop(FetchRequest request, URI url, Validators validators) throws InterruptedException {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
			return Hop.done(FetchResult.failure(FetchStatus.UNSUPPORTED_TYPE, request.url(), url, 0,
					"not an http(s) URL with a host"));
		}
		String host = url.getHost();
		if (!this.ownership.owns(host)) {
			return Hop.done(notOwned(request, url));
		}
		InetAddress checked;
		try {
			AddressGuard.Verdict verdict = this.guard.check(host, request.allowPrivateAddresses());
			if (!verdict.allowed()) {
				return Hop.done(FetchResult.failure(FetchStatus.BLOCKED_ADDRESS, request.url(), url, 0, verdict.refusal()));
			}
			checked = verdict.addresses().get(0);
		}
		catch (UnknownHostException ex) {
			return Hop.done(FetchResult.failure(FetchStatus.IO_ERROR, request.url(), url, 0, "unknown host " + host));
		}
		Duration delay = this.settings.minDelay();
		if (request.checkRobots()) {
			RobotsCache.Rules rules = this.robots.rules(url, request.allowPrivateAddresses());
			if (rules.unreachable() != null) {
				FetchResult failed = rules.unreachable();
				return Hop.done(FetchResult.failure(failed.status(), request.url(), url, 0,
						"robots.txt unavailable: " + failed.describe()));
			}
			if (rules.deferVisits()) {
				return Hop.done(FetchResult.failure(FetchStatus.DISALLOWED, request.url(), url, 0,
						"robots.txt answered with a server error; visits deferred"));
			}
			if (!rules.isAllowed(url)) {
				return Hop.done(FetchResult.failure(FetchStatus.DISALLOWED, request.url(), url, 0, "disallowed by robots.txt"));
			}
			Duration crawlDelay = rules.crawlDelay();
			if (crawlDelay != null && crawlDelay.compareTo(delay) > 0) {
				delay = crawlDelay;
			}
		}
		for (int attempt = 0;; attempt++) {
			HostGate.Permit permit;
			try {
				permit = this.gate.acquire(host, this.settings.maxHostWait());
			}
			catch (HostGate.BusyException ex) {
				return Hop.done(FetchResult.failure(FetchStatus.IO_ERROR, request.url(), url, 0, ex.getMessage()));
			}
			this.politenessWait.record(permit.waited());
			Duration hold = delay;
			HostOwnership.Work inFlight = this.ownership.begin(host);
			if (inFlight == null) {
				// the host moved to another instance while this fetch waited for its turn
				permit.release(Duration.ZERO);
				return Hop.done(notOwned(request, url));
			}
			try (inFlight) {
				Exchange exchange = exchange(request, url, checked, validators);
				FetchResult result = exchange.result();
				if (exchange.redirect() != null) {
					return new Hop(null, exchange.redirect());
				}
				if (result.status() == FetchStatus.HTTP_ERROR && retryable(result.httpStatus())) {
					Duration wait = backoff(attempt, result.retryAfter());
					if (result.retryAfter() != null && result.retryAfter().compareTo(this.settings.maxRetryAfter()) > 0) {
						hold = max(hold, min(result.retryAfter(), MAX_HOLD));
						return Hop.done(result);
					}
					if (attempt < this.settings.maxRetries()) {
						hold = max(hold, wait);
						log.debug("{} answered {}; retry {} in {}", url, result.httpStatus(), attempt + 1, hold);
						continue;
					}
				}
				return Hop.done(result);
			}
			finally {
				permit.release(hold);
			}
		}
	}

	private static FetchResult notOwned(FetchRequest request, URI url) {
		return FetchResult.failure(FetchStatus.NOT_OWNED, request.url(), url, 0,
				"host " + url.getHost() + " belongs to another crawler instance");
	}

	private static boolean retryable(int httpStatus) {
		return httpStatus == 429 || httpStatus >= 500;
	}

	private Duration backoff(int attempt, Duration retryAfter) {
		Duration exponential = this.settings.retryBackoff().multipliedBy(1L << Math.min(attempt, 10));
		return (retryAfter != null) ? max(retryAfter, exponential) : exponential;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private record Exchange(FetchResult result, URI redirect) {
	}

	/** One request to {@code address}, the address the guard checked for the URL's host (pinned). */
	private Exchange exchange(FetchRequest request, URI url, InetAddress address, Validators validators) {
		HttpGet get = new HttpGet(url);
		get.setHeader("User-Agent", this.settings.userAgent());
		get.setHeader("Accept", request.accept().header());
		get.setHeader("Accept-Encoding", "gzip, deflate");
		if (validators.etag() != null) {
			get.setHeader("If-None-Match", validators.etag());
		}
		if (validators.lastModified() != null) {
			get.setHeader("If-Modified-Since", validators.lastModified());
		}
		HttpHost target = new HttpHost(url.getScheme().toLowerCase(Locale.ROOT), address, url.getHost(), url.getPort());
		AtomicBoolean timedOut = new AtomicBoolean();
		ClassicHttpResponse response;
		try {
			response = this.client.executeOpen(target, get, null);
		}
		catch (ConnectTimeoutException ex) {
			return ioError(request, url, "connect timed out after " + this.settings.connectTimeout().toSeconds() + "s");
		}
		catch (SocketTimeoutException ex) {
			return ioError(request, url, "no answer within " + this.settings.readTimeout().toSeconds() + "s");
		}
		catch (ConnectException ex) {
			return ioError(request, url, "connection refused");
		}
		catch (IOException | IllegalArgumentException ex) {
			return ioError(request, url, ex.toString());
		}
		ScheduledFuture<?> deadline = this.watchdog.schedule(() -> {
			timedOut.set(true);
			get.cancel();
		}, this.settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
		InputStream body = null;
		try {
			body = (response.getEntity() != null) ? response.getEntity().getContent() : InputStream.nullInputStream();
			return answer(request, url, response.getCode(),
					(name) -> Optional.ofNullable(response.getFirstHeader(name)).map(Header::getValue), body, timedOut);
		}
		catch (IOException ex) {
			return ioError(request, url, ex.toString());
		}
		finally {
			deadline.cancel(false);
			// drop the connection before closing the body: closing reads what is left, and an endless body never ends
			get.cancel();
			if (body != null) {
				closeQuietly(body);
			}
			closeQuietly(response);
		}
	}

	private Exchange answer(FetchRequest request, URI url, int code, Function<String, Optional<String>> headers,
			InputStream body, AtomicBoolean timedOut) {
		if (code >= 300 && code < 400 && code != 304) {
			String location = headers.apply("Location").orElse(null);
			if (location == null) {
				return done(FetchResult.failure(FetchStatus.HTTP_ERROR, request.url(), url, code, "redirect without Location"));
			}
			try {
				URI target = url.resolve(new URI(location.strip().replace(" ", "%20")));
				return new Exchange(null, stripFragment(target));
			}
			catch (java.net.URISyntaxException | IllegalArgumentException ex) {
				return done(FetchResult.failure(FetchStatus.HTTP_ERROR, request.url(), url, code,
						"redirect to an invalid URL: " + location));
			}
		}
		Validators validators = new Validators(headers.apply("ETag").orElse(null),
				headers.apply("Last-Modified").orElse(null));
		if (code == 304) {
			return done(new FetchResult(FetchStatus.NOT_MODIFIED, request.url(), url, code, null, null, null,
					validators.isEmpty() ? request.validators() : validators, null, null));
		}
		if (code < 200 || code >= 300) {
			Duration retryAfter = headers.apply("Retry-After").map(HttpFetcher::parseRetryAfter).orElse(null);
			return done(new FetchResult(FetchStatus.HTTP_ERROR, request.url(), url, code, null, null, null, null,
					"HTTP " + code, retryAfter));
		}
		String contentType = headers.apply("Content-Type").orElse(null);
		String mediaType = mediaType(contentType);
		// servers that do not know what they serve say octet-stream, or nothing: look at the body then
		boolean sniff = request.accept() == Accept.HTML
				&& (mediaType == null || mediaType.equals("application/octet-stream"));
		if (!sniff && !request.accept().accepts(mediaType)) {
			return done(FetchResult.failure(FetchStatus.UNSUPPORTED_TYPE, request.url(), url, code,
					"content type " + mediaType + " is not " + request.accept().name().toLowerCase(Locale.ROOT)));
		}
		long declared = headers.apply("Content-Length").map(HttpFetcher::parseLength).orElse(-1L);
		String encoding = headers.apply("Content-Encoding").orElse(null);
		if (declared > this.settings.maxBodyBytes()) {
			return done(FetchResult.failure(FetchStatus.TOO_LARGE, request.url(), url, code,
					"Content-Length " + declared + " is over the limit of " + this.settings.maxBodyBytes() + " bytes"));
		}
		byte[] bytes;
		try {
			bytes = BoundedBody.read(body, encoding, this.settings.maxBodyBytes());
		}
		catch (BoundedBody.TooLargeException ex) {
			return done(FetchResult.failure(FetchStatus.TOO_LARGE, request.url(), url, code, ex.getMessage()));
		}
		catch (BoundedBody.UnsupportedEncodingException ex) {
			return done(FetchResult.failure(FetchStatus.UNSUPPORTED_TYPE, request.url(), url, code, ex.getMessage()));
		}
		catch (IOException ex) {
			String detail = timedOut.get() ? "body not complete within " + this.settings.readTimeout().toSeconds() + "s"
					: "body broken: " + ex;
			return done(FetchResult.failure(FetchStatus.IO_ERROR, request.url(), url, code, detail));
		}
		if (timedOut.get()) {
			return done(FetchResult.failure(FetchStatus.IO_ERROR, request.url(), url, code,
					"body not complete within " + this.settings.readTimeout().toSeconds() + "s"));
		}
		if (sniff && !looksLikeHtml(bytes)) {
			return done(FetchResult.failure(FetchStatus.UNSUPPORTED_TYPE, request.url(), url, code,
					"content type " + mediaType + " and the body does not look like HTML"));
		}
		return done(new FetchResult(FetchStatus.FETCHED, request.url(), url, code, mediaType, charset(contentType), bytes,
				validators, null, null));
	}

	private static long parseLength(String value) {
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static Exchange done(FetchResult result) {
		return new Exchange(result, null);
	}

	private static Exchange ioError(FetchRequest request, URI url, String detail) {
		return done(FetchResult.failure(FetchStatus.IO_ERROR, request.url(), url, 0, detail));
	}

	private void record(FetchRequest request, FetchResult result) {
		this.meters
			.counter("newshound.crawler.fetches", "status", result.status().name(), "kind",
					request.accept().name().toLowerCase(Locale.ROOT))
			.increment();
		if (result.isFetched() && request.accept() != Accept.ROBOTS) {
			this.pagesFetched.increment();
			this.bytesFetched.record(result.body().length);
		}
		else if (result.status().isError() && request.accept() != Accept.ROBOTS) {
			// a robots.txt that is missing is normal, one that cannot be read fails the page fetch, counted then
			this.meters.counter("newshound.crawler.fetch.errors", "kind", result.status().name()).increment();
		}
	}

	/** Whether the first kilobyte holds an HTML doctype or one of the elements every page starts with. */
	static boolean looksLikeHtml(byte[] body) {
		String head = new String(body, 0, Math.min(body.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1)
			.toLowerCase(Locale.ROOT);
		return head.contains("<!doctype html") || head.contains("<html") || head.contains("<head")
				|| head.contains("<body");
	}

	static String mediaType(String contentType) {
		if (contentType == null) {
			return null;
		}
		int semicolon = contentType.indexOf(';');
		String type = ((semicolon >= 0) ? contentType.substring(0, semicolon) : contentType).trim();
		return type.isEmpty() ? null : type.toLowerCase(Locale.ROOT);
	}

	static String charset(String contentType) {
		if (contentType == null) {
			return null;
		}
		for (String part : contentType.split(";")) {
			String trimmed = part.trim();
			if (trimmed.regionMatches(true, 0, "charset=", 0, 8)) {
				String value = trimmed.substring(8).trim().replace("\"", "").replace("'", "");
				return value.isEmpty() ? null : value;
			}
		}
		return null;
	}

	/** {@code Retry-After} as delta-seconds or an HTTP date; {@code null} when it is neither. */
	static Duration parseRetryAfter(String value) {
		String trimmed = value.trim();
		try {
			long seconds = Long.parseLong(trimmed);
			return Duration.ofSeconds(Math.max(0, seconds));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(Instant.now(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

	private static URI stripFragment(URI uri) {
		if (uri.getRawFragment() == null) {
			return uri;
		}
		String text = uri.toString();
		return URI.create(text.substring(0, text.indexOf('#')));
	}

	private static void closeQuietly(java.io.Closeable in) {
		try {
			in.close();
		}
		catch (IOException ex) {
			// closing is how the deadline stops a read; nothing more to do
		}
	}

	@Override
	public void close() {
		this.watchdog.shutdownNow();
		closeQuietly(this.client);
	}

}
