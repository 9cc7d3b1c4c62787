package io.newshound.search.api;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import org.apache.hc.core5.http.HttpHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.newshound.search.SearchProperties;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

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
		SearchProperties properties = new SearchProperties("news-articles", 10, 100, 500, Duration.ofSeconds(5),
				Duration.ofSeconds(7));
		this.client = WebTestClient
			.bindToController(new SearchController(new SearchQueryParser(properties),
					new ArticleSearch(elasticsearch, properties)))
			.controllerAdvice(new ApiProblems(properties))
			.build();
	}

	@AfterEach
	void closeClient() throws IOException {
		this.restClient.close();
	}

	@ParameterizedTest(name = "{0} → 400 naming ''{1}''")
	@CsvSource(delimiter = '|', value = { "size=100000|size", "size=0|size", "size=ten|size", "sort=popular|sort",
			"from=yesterday|from", "to=2026-13-45|to", "lang=english|lang", "from=2026-11-02&to=2026-11-01|from" })
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
			.value((detail) -> org.assertj.core.api.Assertions.assertThat((String) detail).startsWith("'" + parameter + "'"));
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

	/** Elasticsearch down: 503 with Retry-After and no stack trace. */
	@Test
	void unavailableElasticsearchIs503WithRetryAfter() {
		this.client.get()
			.uri("/api/search?q=openai")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "7")
			.expectBody(String.class)
			.value((body) -> org.assertj.core.api.Assertions.assertThat(body).contains("Search unavailable")
				.doesNotContain("Exception")
				.doesNotContain("at io.newshound"));
	}

}
