package io.newshound.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackTest;
import io.newshound.testing.Gen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input for every parameter of the search API, on the real service over the real node with the
 * generated corpus indexed: {@code /api/search} (q, source, tag, lang, from, to, sort, size, cursor),
 * {@code /api/suggest} (prefix), {@code /api/articles/{id}} and {@code /api/articles/{id}/related} (id, size).
 * Values come from seeded generators ({@link Gen}: the same requests each run, unless {@code -Dnewshound.seed=}
 * says otherwise): random Unicode, huge and empty values, the query language's operators, nested and stray
 * brackets, stray quotes, field scopes, wildcards, malformed dates, cursors and percent-encoded invalid UTF-8.
 * Every answer is a 2xx, or a 4xx in {@code application/problem+json} that names what was wrong — never a 5xx.
 * The outcomes are counted for the README.
 *
 * <p>One test sends all the requests to the one service this class starts, drawing them from the generators
 * itself ({@link Gen#samples}); a failure names the request in full.
 */
@LocalStackTest
class SearchApiHostileInputIntegrationTests {

	/** About a minute of requests on two idle cores (README: a run of 1,500). */
	private static final int TRIES = 1000;

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	static SearchFixture fixture;

	@BeforeAll
	static void start(LocalStack stack) throws Exception {
		fixture = new SearchFixture(stack, List.of(), "--newshound.search.rate-limit.enabled=false");
	}

	@AfterAll
	static void stop() throws Exception {
		if (fixture != null) {
			fixture.close();
		}
	}

	/** Random requests to every endpoint and parameter: 2xx, or 4xx with problem+json; never 5xx. */
	@Test
	void everyHostileRequestGetsA2xxOrAProblem4xx() {
		Map<String, Integer> outcomes = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		List<String> unanswered = new ArrayList<>();
		Gen.samples(TRIES, requests()).forEach((request) -> {
			SearchFixture.Response response;
			try {
				response = get(request, Duration.ofSeconds(15));
			}
			catch (IllegalStateException ex) {
				// a request left unanswered on its keep-alive connection (Reactor Netty #4361, worked around by
				// service-support's KeepAliveReadWorkaround): sent again to see its answer, and failed below
				unanswered.add(request);
				response = get(request, Duration.ofSeconds(60));
			}
			String endpoint = request.substring(0, request.indexOf('?') > 0 ? request.indexOf('?') : request.length())
				.replaceAll("/api/articles/[^/]*", "/api/articles/{id}");
			outcomes.merge(endpoint + " " + response.status(), 1, Integer::sum);
			boolean ok = response.status() >= 200 && response.status() < 300;
			boolean problem = response.status() >= 400 && response.status() < 500
					&& response.contentType().startsWith("application/problem+json")
					&& response.json().path("status").asInt() == response.status()
					&& !response.json().path("detail").asString("").isBlank();
			if (!ok && !problem && failures.size() < 10) {
				failures.add(request + " -> " + response.status() + " " + response.contentType() + " " + response.body());
			}
		});
		System.out.println("[SearchApiHostileInputIntegrationTests] " + TRIES + " hostile requests, seed " + Gen.seed()
				+ ": " + outcomes + "; unanswered within 15 s, answered when sent again: " + unanswered.size() + " " + unanswered);
		assertThat(failures).as("answers that are neither 2xx nor a 4xx problem").isEmpty();
		assertThat(unanswered).as("requests left without an answer for 15 s").isEmpty();
		assertThat(outcomes.keySet()).as("every endpoint was tried and refused something")
			.anyMatch((key) -> key.startsWith("/api/search 400"))
			.anyMatch((key) -> key.startsWith("/api/articles/{id} 4"))
			.anyMatch((key) -> key.startsWith("/api/suggest"))
			.anyMatch((key) -> key.startsWith("/api/articles/{id}/related"));
	}

	/**
	 * Plain HTTP/1.1, as a browser or curl sends it: the JDK client's default first tries an upgrade to h2c on each
	 * new connection, which is not what this test is about.
	 */
	private static SearchFixture.Response get(String pathAndQuery, Duration timeout) {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.searchPort() + pathAndQuery))
			.timeout(timeout)
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			return new SearchFixture.Response(response.statusCode(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("Retry-After").orElse(null), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(pathAndQuery + " failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A request line over the server's 32 KB limit gets a 4xx from the HTTP layer, not a hang or a 5xx. */
	@Test
	void tooLongARequestLineIsRefused() {
		SearchFixture.Response response = get("/api/search?q=" + "a".repeat(40_000), Duration.ofSeconds(60));
		assertThat(response.status()).isBetween(400, 499);
	}

	/** Path and query of one request, parameters percent-encoded or, now and then, raw. */
	private static Gen<String> requests() {
		Gen<String> search = parameters(List.of("q", "source", "tag", "lang", "from", "to", "sort", "size", "cursor"),
				(name) -> switch (name) {
					case "q" -> queries();
					case "from", "to" -> Gen.oneOf(dates(), values());
					case "size" -> Gen.oneOf(numbers(), values());
					case "sort" -> Gen.oneOf(Gen.of("relevance", "recent", "RECENT", "", "random"), values());
					default -> values();
				})
			.map((query) -> "/api/search?" + query);
		Gen<String> suggest = parameters(List.of("prefix"), (name) -> Gen.oneOf(values(), queries()))
			.map((query) -> "/api/suggest?" + query);
		Gen<String> article = ids().map((id) -> "/api/articles/" + id);
		Gen<String> relatedId = ids();
		Gen<String> relatedQuery = parameters(List.of("size"), (name) -> Gen.oneOf(numbers(), values()));
		Gen<String> related = (random) -> "/api/articles/" + relatedId.next(random) + "/related?"
				+ relatedQuery.next(random);
		// the request line stays under the server's limit (32 KB): longer ones are refused by Netty before the API,
		// checked once by tooLongARequestLineIsRefused
		return Gen.<String>frequency(Gen.weight(6, search), Gen.weight(1, suggest), Gen.weight(1, article),
				Gen.weight(1, related))
			.filter((request) -> request.length() < 30_000);
	}

	/** Some of {@code names}, each with a value (repeated now and then), joined as a query string. */
	private static Gen<String> parameters(List<String> names, Function<String, Gen<String>> values) {
		Gen<Boolean> encoded = Gen.of(true, true, true, false);
		Gen<String> one = Gen.of(names).flatMap((name) -> {
			Gen<String> value = values.apply(name);
			return (random) -> {
				String text = value.next(random);
				return name + "=" + (encoded.next(random) ? encode(text) : raw(text));
			};
		});
		return one.list(0, names.size() + 2).map((pairs) -> String.join("&", pairs));
	}

	private static Gen<String> queries() {
		Gen<String> pieces = Gen.oneOf(Gen.of("AND", "OR", "NOT", "|", "||", "&&", "-", "(", ")", "\"", "*", "title:",
				"source:", "tag:", "url:", "script:", "re:Invent", "openai", "nvidia", "agent*", "*ai", "a*b", "~2", "^3",
				"\\", "[", "]", "{", "}", "\"open weights\"", "source:(OpenAI OR Anthropic)", "\u0000", "\u202e",
				"\ud83e\udd16", "\u4eba\u5de5\u667a\u80fd", "\ufffd", "\t"), values());
		Gen<String> built = pieces.list(0, 40).map((list) -> String.join(" ", list));
		Gen<String> repeatedPiece = Gen.of("NOT ", "(", ")", "\"", "-a ", "a OR ", "x* ", "title:a ", "NOT (",
				"source:x ");
		Gen<Integer> times = Gen.integers(1, 200);
		Gen<String> repeated = (random) -> repeatedPiece.next(random).repeat(times.next(random)) + "openai";
		return Gen.frequency(Gen.weight(5, built), Gen.weight(3, repeated), Gen.weight(1, values()));
	}

	/** Random Unicode, empty, blank, huge, control characters, and look-alikes of valid values. */
	private static Gen<String> values() {
		return Gen.frequency(Gen.weight(4, Gen.strings(Gen.anyChar(), 0, 200)),
				Gen.weight(2, Gen.strings(Gen.alphaNumeric(), 0, 40)),
				Gen.weight(1, Gen.of("", " ", "\u00a0", "null", "undefined", "NaN", "-1", "0", "1e309",
						"9223372036854775808", "en", "EN", "zz", "OpenAI", "../../etc/passwd", "%00", "{\"a\":1}",
						"<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x}")),
				Gen.weight(1, Gen.integers(1_000, 20_000).map("a"::repeat)));
	}

	private static Gen<String> dates() {
		return Gen.of("2026-11-01", "2026-11-01T08:00:00Z", "24h", "7d", "2w", "0d", "-1d", "99999999d", "2026-13-45",
				"2026-02-30", "+999999999-12-31", "-999999999-01-01", "1970-01-01T00:00:00Z", "P1D", "10000000000w",
				"1.5d", "d", "7D", "2026-11-01T08:00:00+99:00");
	}

	private static Gen<String> numbers() {
		return Gen.oneOf(Gen.integers().map(String::valueOf), Gen.of("0", "1", "100", "101", "-0", "+5", "1.0", "0x10",
				"\u0661\u0662", "99999999999999999999"));
	}

	private static Gen<String> ids() {
		return Gen.oneOf(Gen.strings(Gen.charsOf("0123456789abcdef"), 32, 32),
				Gen.strings(Gen.anyChar(), 1, 60).map(SearchApiHostileInputIntegrationTests::encode),
				Gen.of("%2e%2e", "..", "%00", "%C3%28", "%FF%FE", "a%2Fb", "_search", "news-articles", "*", "%2A",
						"0".repeat(5000)));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * Percent-encodes only what a URI cannot hold; leaves the query language's and other punctuation raw
	 * ({@code :}, {@code *}, {@code (}, {@code +} and so on), as a hand-typed URL has them.
	 */
	private static String raw(String value) {
		StringBuilder raw = new StringBuilder();
		value.codePoints().forEach((c) -> {
			if (c > 0x20 && c < 0x7f && c != '#' && c != '%' && c != '&' && c != '"' && c != '<' && c != '>' && c != '\\'
					&& c != '^' && c != '`' && c != '{' && c != '|' && c != '}') {
				raw.appendCodePoint(c);
			}
			else {
				raw.append(encode(new String(Character.toChars(c))));
			}
		});
		return raw.toString();
	}

}
