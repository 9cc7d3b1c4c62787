package io.newshound.bench.search;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import io.newshound.bench.stack.Elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

/** The direct-Elasticsearch side of figure 3 asks for the page the API answers: same query, filters and facets. */
class DirectQueryTests {

	private final Instant now = Instant.parse("2026-11-29T12:00:00Z");

	@Test
	void relevanceQueryIsScoredByTextAndRecencyAndGroupedByStory() {
		JsonNode body = Elasticsearch.JSON.readTree(DirectQuery.body(SearchCase.of("openai").tag("models"), this.now));
		JsonNode functionScore = body.path("query").path("function_score");
		assertThat(functionScore.path("query").path("bool").path("must").toString()).contains("openai");
		assertThat(functionScore.path("query").path("bool").path("filter").toString()).contains("\"tags\"", "models");
		assertThat(functionScore.path("functions").path(0).path("gauss").path("publishedAt").path("origin").asText())
			.isEqualTo("2026-11-29T12:00:00Z");
		assertThat(body.path("collapse").path("field").asText()).isEqualTo("storyId");
		assertThat(body.path("aggs").propertyNames()).containsExactly("source", "tag", "entity", "day");
		assertThat(body.path("sort").path(0).has("_score")).isTrue();
	}

	@Test
	void emptyQueryListsTheNewestUnscored() {
		JsonNode body = Elasticsearch.JSON.readTree(DirectQuery.body(SearchCase.of(""), this.now));
		assertThat(body.path("query").has("function_score")).isFalse();
		assertThat(body.path("sort").path(0).path("publishedAt").path("order").asText()).isEqualTo("desc");
	}

	@Test
	void everyQueryOfTheMixCompiles() {
		for (SearchCase search : SearchCase.mix()) {
			assertThat(DirectQuery.body(search, this.now)).startsWith("{");
			assertThat(search.apiPath()).startsWith("/api/search?q=").doesNotContain(" ");
		}
	}

}
