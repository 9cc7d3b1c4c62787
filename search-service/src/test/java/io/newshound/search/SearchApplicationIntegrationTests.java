package io.newshound.search;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on a real port, with Elasticsearch unreachable: every failure is a problem detail without a
 * stack trace (unknown route, wrong method, unexpected error, Elasticsearch down), the API description and its
 * page are served, and latency histograms are exported.
 */
@SpringBootTest(classes = SearchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=search-service", "spring.main.banner-mode=off" })
@AutoConfigureWebTestClient
@Import(SearchApplicationIntegrationTests.FailingController.class)
class SearchApplicationIntegrationTests {

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void unreachableElasticsearch(DynamicPropertyRegistry registry) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + closedPort);
		registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closedPort);
		registry.add("newshound.search.pipeline.crawler-url", () -> "http://127.0.0.1:" + closedPort);
	}

	/** The page, the API, its problems and the actuator all carry the CSP and the other security headers. */
	@ParameterizedTest
	@ValueSource(strings = { "/", "/index.html", "/js/app.js", "/api/search?q=openai", "/api/nothing-here",
			"/api/search?size=0", "/actuator/health", "/v3/api-docs" })
	void everyResponseCarriesTheSecurityHeaders(String path) {
		this.client.get()
			.uri(path)
			.exchange()
			.expectHeader()
			.valueEquals("Content-Security-Policy",
					"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
							+ "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY");
	}

	/** The search page is served at the root, with its scripts as ES modules from this origin. */
	@Test
	void searchPageIsServedAtTheRoot() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("<script type=\"module\" src=\"/js/app.js\">")
				.doesNotContainPattern("<script(?![^>]*src=)[^>]*>")
				.doesNotContain(" style=\"")
				.doesNotContainPattern("\\son[a-z]+="));
	}

	/** HEAD at the root (what uptime monitors send) answers as GET does, with the page's type and length, no body. */
	@Test
	void searchPageAnswersHead() {
		EntityExchangeResult<byte[]> get = this.client.get().uri("/").exchange().expectBody().returnResult();
		EntityExchangeResult<byte[]> head = this.client.head().uri("/").exchange().expectBody().returnResult();
		assertThat(head.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(head.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(head.getResponseHeaders().getContentLength()).isEqualTo(get.getResponseBody().length);
		assertThat(head.getResponseHeaders().getFirst("Content-Security-Policy")).isNotBlank();
		assertThat(head.getResponseBody()).isNullOrEmpty();
	}

	/** With the crawler, Elasticsearch and Kafka down, the pipeline status still answers, saying what is down. */
	@Test
	void pipelineStatusSaysWhatIsDown() {
		this.client.get()
			.uri("/api/pipeline")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.crawler.reachable")
			.isEqualTo(false)
			.jsonPath("$.crawler.error")
			// refused at once, or (the client's first use on a loaded machine) not within the timeout
			.value((error) -> assertThat((String) error)
				.matches("the crawler at http://127\\.0\\.0\\.1:\\d+ (is unreachable|did not answer within 3 s)"))
			.jsonPath("$.crawler.sources")
			.isEmpty()
			.jsonPath("$.crawled.value")
			.doesNotExist()
			.jsonPath("$.indexed.error")
			.isEqualTo("Elasticsearch cannot be read")
			.jsonPath("$.lag.error")
			.isEqualTo("Kafka cannot be read");
	}

	@Test
	void unknownRouteIsAProblem() {
		this.client.get()
			.uri("/api/nothing-here")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("\"status\":404").doesNotContain("Exception"));
	}

	@Test
	void wrongMethodIsAProblemThatSaysWhichAreAllowed() {
		this.client.post()
			.uri("/api/search")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals("Allow", "GET");
	}

	/** An unexpected failure is a 500 that says nothing of the internals. */
	@Test
	void unexpectedErrorIsA500WithoutStackTrace() {
		this.client.get()
			.uri("/api/test/failure")
			.exchange()
			.expectStatus()
			.isEqualTo(500)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("Internal error")
				.doesNotContain("secret internals")
				.doesNotContain("IllegalStateException")
				.doesNotContain("at io.newshound"));
	}

	@Test
	void unavailableElasticsearchIs503() {
		this.client.get()
			.uri("/api/search?q=openai")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "5");
	}

	@Test
	void openApiDescribesEveryEndpoint() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/search'].get.parameters[?(@.name == 'cursor')]")
			.exists()
			.jsonPath("$.paths['/api/articles/{id}'].get")
			.exists()
			.jsonPath("$.paths['/api/articles/{id}/related'].get")
			.exists()
			.jsonPath("$.paths['/api/suggest'].get")
			.exists()
			.jsonPath("$.paths['/api/pipeline'].get")
			.exists();
	}

	@Test
	void swaggerUiIsServed() {
		this.client.get()
			.uri("/swagger-ui.html")
			.exchange()
			.expectStatus()
			.is3xxRedirection();
		this.client.get()
			.uri("/webjars/swagger-ui/index.html")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("swagger-ui"));
	}

	@Test
	void latencyHistogramsAreExported() {
		this.client.get().uri("/api/suggest?prefix=op").exchange().expectStatus().isEqualTo(503);
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("http_server_requests_seconds_bucket{")
				.contains("uri=\"/api/suggest\"")
				.contains("newshound_search_elasticsearch_requests_seconds_bucket{"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	@RestController
	static class FailingController {

		@GetMapping("/api/test/failure")
		String fail() {
			throw new IllegalStateException("secret internals");
		}

	}

}
