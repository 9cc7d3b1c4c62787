package io.newshound.search.api;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.newshound.search.SearchProperties;
import io.newshound.search.TestProperties;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API's answers to bad input and to an unavailable Elasticsearch: RFC 9457 problem details that
 * name what was wrong. The Elasticsearch client is real and points at a port nobody listens on.
 */
class SearchApiProblemTests {

	private Rest5Client restClient;

	private WebTestClient client;

	@BeforeEach
	void bindApi() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		this.restClient = Rest5Client.builder(new HttpHost("http", "127.0.0.1", closedPort)).build();
		ElasticsearchAsyncClient elasticsearch = new ElasticsearchAsyncClient(
				new Rest5ClientTransport(this.restClient, new Jackson3JsonpMapper()));
		SearchProperties properties = TestProperties.of(Map.of("newshound.search.retry-after", "7s",
				"newshound.search.timeout", "5s"));
		Clock clock = Clock.systemUTC();
		CursorCodec cursors = new CursorCodec("", clock);
		ElasticsearchCalls calls = new ElasticsearchCalls(elasticsearch, new SimpleMeterRegistry(), properties.timeout());
		this.client = WebTestClient
			.bindToController(new SearchController(new SearchQueryParser(properties, cursors, clock),
					new ArticleSearch(calls, properties, cursors, clock)),
					new ArticleController(new ArticleLookup(calls, properties)))
			.controllerAdvice(new ApiProblems(new ProblemResponses(properties)))
			.build();
	}

	@AfterEach
	void closeClient() throws IOException {
		this.restClient.close();
	}

	@ParameterizedTest(name = "{0} → 400 naming ''{1}''")
	@CsvSource(delimiter = '|', value = { "size=100000|size", "size=0|size", "size=ten|size", "sort=popular|sort",
			"from=yesterday|from", "to=2026-13-45|to", "from=7y|from", "from=99999d|from", "lang=english|lang",
			"from=2026-11-02&to=2026-11-01|from", "from=1d&to=7d|from", "cursor=garbage|cursor",
			"q=ab*|q", "q=(nvidia|q", "q=*|q", "q=*ai|q" })
	void badParametersAreNamed(String query, String parameter) {
		this.client.get()
			.uri("/api/search?" + query)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo(parameter)
			.jsonPath("$.detail")
			.value((detail) -> assertThat((String) detail).startsWith("'" + parameter + "'"));
	}

	@ParameterizedTest(name = "{0} → 400 naming ''{1}''")
	@CsvSource(delimiter = '|', value = { "/api/suggest|prefix", "/api/suggest?prefix=a|prefix",
			"/api/articles/not%20an%20id|id", "/api/articles/abc/related?size=500|size" })
	void badArticleParametersAreNamed(String path, String parameter) {
		this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo(parameter);
	}

	@Test
	void tooLongQueryIsRefused() {
		this.client.get()
			.uri((uri) -> uri.path("/api/search").queryParam("q", "a".repeat(10_000)).build())
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.parameter")
			.isEqualTo("q");
	}

	@Test
	void controlCharactersAreRefused() {
		this.client.get()
			.uri((uri) -> uri.path("/api/search").queryParam("q", "{q}").build("openai\u0000\u0007"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("'q' contains control characters");
	}

	@Test
	void unbalancedQuoteSaysWhereAndHowToFixIt() {
		this.client.get()
			.uri((uri) -> uri.path("/api/search").queryParam("q", "{q}").build("anthropic \"claude pricing"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("'q' has a quote at position 10 that is never closed; add the closing \" or remove it");
	}

	/** Elasticsearch that accepts the connection and never answers: the request timeout turns it into a 503. */
	@Test
	void silentElasticsearchTimesOutWith503() throws Exception {
		try (ServerSocket silent = new ServerSocket(0)) {
			Thread acceptor = new Thread(() -> {
				try {
					silent.accept();
				}
				catch (IOException ex) {
					// closed at the end of the test
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			try (Rest5Client rest = Rest5Client.builder(new HttpHost("http", "127.0.0.1", silent.getLocalPort())).build()) {
				SearchProperties properties = TestProperties.of(Map.of("newshound.search.timeout", "1s"));
				Clock clock = Clock.systemUTC();
				CursorCodec cursors = new CursorCodec("", clock);
				ElasticsearchCalls calls = new ElasticsearchCalls(
						new ElasticsearchAsyncClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper())),
						new SimpleMeterRegistry(), properties.timeout());
				WebTestClient.bindToController(new SearchController(new SearchQueryParser(properties, cursors, clock),
						new ArticleSearch(calls, properties, cursors, clock)))
					.controllerAdvice(new ApiProblems(new ProblemResponses(properties)))
					.build()
					.get()
					.uri("/api/search?q=openai")
					.exchange()
					.expectStatus()
					.isEqualTo(503)
					.expectHeader()
					.valueEquals("Retry-After", "5");
			}
		}
	}

	/**
	 * Every search the API sends carries Elasticsearch's own {@code timeout} (newshound.search.query-timeout), so
	 * the node stops a costly query itself; a response that reports {@code timed_out} (partial hits) answers 503
	 * "Search timed out" with {@code Retry-After}, never a 500 and never the partial page. The node here is a
	 * stand-in that answers every search with {@code timed_out: true}: a real node times out only a query that
	 * outlasts its 200 ms clock tick, which no query the API accepts does reliably on the test corpus.
	 */
	@ParameterizedTest
	@CsvSource({ "/api/search?q=openai", "/api/search?q=openai&sort=recent", "/api/articles/abc",
			"/api/suggest?prefix=op" })
	void searchTimedOutInElasticsearchIs503(String path) throws IOException {
		List<String> searches = new CopyOnWriteArrayList<>();
		HttpServer node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		node.createContext("/", (exchange) -> {
			String uri = exchange.getRequestURI().toString();
			if (uri.contains("_pit")) {
				answer(exchange, "{\"id\":\"pit-1\",\"_shards\":{\"total\":1,\"successful\":1,\"failed\":0}}");
			}
			else {
				searches.add(uri + " " + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				answer(exchange, "{\"took\":5000,\"timed_out\":true,\"_shards\":{\"total\":1,\"successful\":1,"
						+ "\"failed\":0},\"hits\":{\"total\":{\"value\":3,\"relation\":\"eq\"},\"hits\":[]}}");
			}
		});
		node.start();
		try (Rest5Client rest = Rest5Client.builder(new HttpHost("http", "127.0.0.1", node.getAddress().getPort()))
			.build()) {
			SearchProperties properties = TestProperties.of(Map.of("newshound.search.query-timeout", "1500ms"));
			Clock clock = Clock.systemUTC();
			CursorCodec cursors = new CursorCodec("", clock);
			ElasticsearchCalls calls = new ElasticsearchCalls(
					new ElasticsearchAsyncClient(new Rest5ClientTransport(rest, new Jackson3JsonpMapper())),
					new SimpleMeterRegistry(), properties.timeout());
			WebTestClient.bindToController(
					new SearchController(new SearchQueryParser(properties, cursors, clock),
							new ArticleSearch(calls, properties, cursors, clock)),
					new ArticleController(new ArticleLookup(calls, properties)))
				.controllerAdvice(new ApiProblems(new ProblemResponses(properties)))
				.build()
				.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals("Retry-After", "5")
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.title")
				.isEqualTo("Search timed out")
				.jsonPath("$.detail")
				.value((detail) -> assertThat((String) detail).contains("1500 ms").doesNotContain("Exception"));
		}
		finally {
			node.stop(0);
		}
		assertThat(searches).isNotEmpty().allSatisfy((search) -> assertThat(search).contains("\"timeout\":\"1500ms\""));
	}

	private static void answer(HttpExchange exchange, String json) throws IOException {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		exchange.getRequestBody().readAllBytes();
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	/** Elasticsearch down: 503 with Retry-After and no stack trace, on every endpoint that reads it. */
	@ParameterizedTest
	@CsvSource({ "/api/search?q=openai", "/api/articles/abc", "/api/articles/abc/related", "/api/suggest?prefix=op" })
	void unavailableElasticsearchIs503WithRetryAfter(String path) {
		this.client.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "7")
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("Search unavailable")
				.doesNotContain("Exception")
				.doesNotContain("at io.newshound"));
	}

}
