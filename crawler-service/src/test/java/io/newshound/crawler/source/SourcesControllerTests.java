package io.newshound.crawler.source;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The web slice of {@code GET /api/sources}. */
@WebFluxTest(SourcesController.class)
class SourcesControllerTests {

	@Autowired
	WebTestClient client;

	@Autowired
	SourceRegistry registry;

	/** Every source is listed in file order with its health; times not yet reached are absent or null. */
	@Test
	void listsSourcesWithTheirHealth() {
		SourceHealth demo = this.registry.health("Demo");
		demo.pollStarted(Instant.parse("2026-03-14T10:00:00Z"));
		demo.pollSucceeded(Instant.parse("2026-03-14T10:00:02Z"), 3);
		demo.articlePublished();
		demo.error(Instant.parse("2026-03-14T10:00:01Z"), "HTTP_ERROR 500 http://127.0.0.1:8090/a: HTTP 500");
		demo.nextPoll(Instant.parse("2026-03-14T10:01:02Z"));

		this.client.get().uri("/api/sources").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.length()").isEqualTo(2)
			.jsonPath("$[0].name").isEqualTo("Demo")
			.jsonPath("$[0].url").isEqualTo("http://127.0.0.1:8090/feed.xml")
			.jsonPath("$[0].kind").isEqualTo("feed")
			.jsonPath("$[0].tags[0]").isEqualTo("demo")
			.jsonPath("$[0].pollInterval").isEqualTo("PT1M")
			.jsonPath("$[0].lastPoll").isEqualTo("2026-03-14T10:00:00Z")
			.jsonPath("$[0].lastSuccess").isEqualTo("2026-03-14T10:00:02Z")
			.jsonPath("$[0].lastError").isEqualTo("HTTP_ERROR 500 http://127.0.0.1:8090/a: HTTP 500")
			.jsonPath("$[0].articlesFound").isEqualTo(3)
			.jsonPath("$[0].articlesPublished").isEqualTo(1)
			.jsonPath("$[0].nextPoll").isEqualTo("2026-03-14T10:01:02Z")
			.jsonPath("$[1].name").isEqualTo("Lab")
			.jsonPath("$[1].kind").isEqualTo("sitemap")
			.jsonPath("$[1].articlesFound").isEqualTo(0);
	}

	@TestConfiguration
	static class Sources {

		@Bean
		SourceRegistry sourceRegistry() {
			return new SourceRegistry(List.of(
					new Source("Demo", URI.create("http://127.0.0.1:8090/feed.xml"), SourceKind.FEED, Duration.ofMinutes(1),
							List.of("demo"), true),
					new Source("Lab", URI.create("https://lab.example.org/sitemap.xml"), SourceKind.SITEMAP,
							Duration.ofHours(1), List.of(), false)));
		}

	}

}
