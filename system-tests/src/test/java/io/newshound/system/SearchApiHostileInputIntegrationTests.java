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

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input for every parameter of the search API, on the real service over the real node with the
 * generated corpus indexed: {@code /api/search} (q, source, tag, lang, from, to, sort, size, cursor),
 * {@code /api/suggest} (prefix), {@code /api/articles/{id}} and {@code /api/articles/{id}/related} (id, size).
 * Values come from jqwik generators: random Unicode, huge and empty values, the query language's operators,
 * nested and stray brackets, stray quotes, field scopes, wildcards, malformed dates, cursors and
 * percent-encoded invalid UTF-8. Every answer is a 2xx, or a 4xx in {@code application/problem+json} that names what was
 * wrong — never a 5xx. The outcomes are counted for the README.
 *
 * <p>jqwik's property runner cannot take part in the JUnit Jupiter lifecycle that gives this JVM's stack, so
 * this test draws from jqwik's generators itself ({@link Arbitrary#sampleStream()}); a failure names the request.
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
		requests().sampleStream().limit(TRIES).forEach((request) -> {
			SearchFixture.Response response;
			try {
				response = get(request, Duration.ofSeconds(15));
			}
			catch (IllegalStateException ex) {
				// seen on two cores at load 30+, on inputs that answer at once when sent again: counted and
				// reported, and the second answer must still be a 2xx or a problem 4xx
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
		System.out.println("[SearchApiHostileInputIntegrationTests] " + TRIES + " hostile requests: " + outcomes
				+ "; unanswered within 15 s, answered when sent again: " + unanswered.size() + " " + unanswered);
		assertThat(failures).as("answers that are neither 2xx nor a 4xx problem").isEmpty();
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
	private static Arbitrary<String> requests() {
		Arbitrary<String> search = parameters(List.of("q", "source", "tag", "lang", "from", "to", "sort", "size",
				"cursor"), (name) -> switch (name) {
					case "q" -> queries();
					case "from", "to" -> Arbitraries.oneOf(dates(), values());
					case "size" -> Arbitraries.oneOf(numbers(), values());
					case "sort" -> Arbitraries.oneOf(Arbitraries.of("relevance", "recent", "RECENT", "", "random"), values());
					default -> values();
				}).map((query) -> "/api/search?" + query);
		Arbitrary<String> suggest = parameters(List.of("prefix"), (name) -> Arbitraries.oneOf(values(), queries()))
			.map((query) -> "/api/suggest?" + query);
		Arbitrary<String> article = ids().map((id) -> "/api/articles/" + id);
		Arbitrary<String> related = Combinators.combine(ids(), parameters(List.of("size"),
				(name) -> Arbitraries.oneOf(numbers(), values())))
			.as((id, query) -> "/api/articles/" + id + "/related?" + query);
		// the request line stays under the server's limit (32 KB): longer ones are refused by Netty before the API,
		// checked once by tooLongARequestLineIsRefused
		return Arbitraries.frequencyOf(Tuple.of(6, search), Tuple.of(1, suggest), Tuple.of(1, article), Tuple.of(1, related))
			.filter((request) -> request.length() < 30_000);
	}

	/** Some of {@code names}, each with a value (repeated now and then), joined as a query string. */
	private static Arbitrary<String> parameters(List<String> names, Function<String, Arbitrary<String>> values) {
		Arbitrary<String> one = Arbitraries.of(names)
			.flatMap((name) -> Combinators.combine(values.apply(name), Arbitraries.of(true, true, true, false))
				.as((value, encoded) -> name + "=" + (encoded ? encode(value) : raw(value))));
		return one.list().ofMaxSize(names.size() + 2).map((pairs) -> String.join("&", pairs));
	}

	private static Arbitrary<String> queries() {
		Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of("AND", "OR", "NOT", "|", "||", "&&", "-", "(", ")",
				"\"", "*", "title:", "source:", "tag:", "url:", "script:", "re:Invent", "openai", "nvidia", "agent*",
				"*ai", "a*b", "~2", "^3", "\\", "[", "]", "{", "}", "\"open weights\"", "source:(OpenAI OR Anthropic)",
				"\u0000", "\u202e", "\ud83e\udd16", "\u4eba\u5de5\u667a\u80fd", "\ufffd", "\t"), values());
		Arbitrary<String> built = pieces.list().ofMaxSize(40).map((list) -> String.join(" ", list));
		Arbitrary<String> repeated = Combinators
			.combine(Arbitraries.of("NOT ", "(", ")", "\"", "-a ", "a OR ", "x* ", "title:a ", "NOT (", "source:x "),
					Arbitraries.integers().between(1, 200))
			.as((piece, times) -> piece.repeat(times) + "openai");
		return Arbitraries.frequencyOf(Tuple.of(5, built), Tuple.of(3, repeated), Tuple.of(1, values()));
	}

	/** Random Unicode, empty, blank, huge, control characters, and look-alikes of valid values. */
	private static Arbitrary<String> values() {
		return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.strings().all().ofMaxLength(200)),
				Tuple.of(2, Arbitraries.strings().alpha().numeric().ofMaxLength(40)),
				Tuple.of(1, Arbitraries.of("", " ", "\u00a0", "null", "undefined", "NaN", "-1", "0", "1e309",
						"9223372036854775808", "en", "EN", "zz", "OpenAI", "../../etc/passwd", "%00", "{\"a\":1}",
						"<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x}")),
				Tuple.of(1, Arbitraries.integers().between(1_000, 20_000).map("a"::repeat)));
	}

	private static Arbitrary<String> dates() {
		return Arbitraries.of("2026-11-01", "2026-11-01T08:00:00Z", "24h", "7d", "2w", "0d", "-1d", "99999999d",
				"2026-13-45", "2026-02-30", "+999999999-12-31", "-999999999-01-01", "1970-01-01T00:00:00Z", "P1D",
				"10000000000w", "1.5d", "d", "7D", "2026-11-01T08:00:00+99:00");
	}

	private static Arbitrary<String> numbers() {
		return Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf), Arbitraries.of("0", "1", "100", "101",
				"-0", "+5", "1.0", "0x10", "١٢", "99999999999999999999"));
	}

	private static Arbitrary<String> ids() {
		return Arbitraries.oneOf(Arbitraries.strings().withCharRange('0', '9').withCharRange('a', 'f').ofLength(32),
				Arbitraries.strings().all().ofMinLength(1).ofMaxLength(60).map(SearchApiHostileInputIntegrationTests::encode),
				Arbitraries.of("%2e%2e", "..", "%00", "%C3%28", "%FF%FE", "a%2Fb", "_search", "news-articles",
						"*", "%2A", "0".repeat(5000)));
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
