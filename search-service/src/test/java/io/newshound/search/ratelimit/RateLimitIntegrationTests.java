package io.newshound.search.ratelimit;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newshound.search.SearchApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A client over its budget gets 429 problems with Retry-After; the actuator is not limited. */
@SpringBootTest(classes = SearchApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=search-service", "spring.main.banner-mode=off",
				"newshound.search.rate-limit.requests-per-second=0.05", "newshound.search.rate-limit.burst=5",
				"spring.elasticsearch.uris=http://127.0.0.1:1", "spring.kafka.bootstrap-servers=127.0.0.1:1" })
@AutoConfigureWebTestClient
class RateLimitIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void clientOverItsBudgetGets429WithRetryAfter() {
		List<Integer> statuses = new ArrayList<>();
		EntityExchangeResult<String> limited = null;
		for (int i = 0; i < 8; i++) {
			EntityExchangeResult<String> result = this.client.get()
				.uri("/api/suggest?prefix=x")
				.exchange()
				.expectBody(String.class)
				.returnResult();
			statuses.add(result.getStatus().value());
			if (result.getStatus().value() == 429) {
				limited = result;
			}
		}
		assertThat(statuses.subList(0, 5)).containsOnly(400);
		assertThat(statuses.subList(5, 8)).containsOnly(429);
		assertThat(limited.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(Integer.parseInt(limited.getResponseHeaders().getFirst("Retry-After"))).isBetween(1, 20);
		assertThat(limited.getResponseBody()).contains("Too many requests");
		this.client.get().uri("/actuator/info").exchange().expectStatus().value((status) -> assertThat(status).isNotEqualTo(429));
	}

}
