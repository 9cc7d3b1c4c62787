package io.newshound.system;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import io.newshound.corpus.Landmark;
import io.newshound.corpus.NewsCorpus;
import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackTest;

import static io.newshound.system.SearchHits.articlesOf;
import static io.newshound.system.SearchHits.corpusWhere;
import static io.newshound.system.SearchHits.hits;
import static io.newshound.system.SearchHits.id;
import static io.newshound.system.SearchHits.ids;
import static io.newshound.system.SearchHits.text;
import static io.newshound.system.SearchHits.walk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search API over the generated corpus (320 articles, indexed by the real indexer from Kafka) on a real
 * Elasticsearch node with the analysis plugin: the answers a reader would expect, facet counts that Elasticsearch
 * confirms, safe snippets, collapsed stories, the article endpoints, and 4xx answers to hostile input.
 */
@LocalStackTest
class SearchRelevanceIntegrationTests {

	static SearchFixture fixture;

	@BeforeAll
	static void indexCorpus(LocalStack stack) throws Exception {
		fixture = new SearchFixture(stack, List.of());
	}

	@AfterAll
	static void stop() throws Exception {
		if (fixture != null) {
			fixture.close();
		}
	}

	/** A quoted phrase finds the words together and in order only; the title match comes first. */
	@Test
	void phraseFindsTheExactWordsInOrder() {
		JsonNode result = fixture.ok("q", "\"open weights\"");
		assertThat(ids(result)).containsExactly(id(Landmark.OPEN_WEIGHTS), id(Landmark.OPEN_WEIGHTS_BODY));
		assertThat(fixture.ok("q", "open weights").path("total").asLong()).isGreaterThan(2);
	}

	/** "acquires" finds "is acquiring" (title, first) and "acquired" (body, older). */
	@Test
	void stemmingFindsOtherFormsOfAWord() {
		assertThat(ids(fixture.ok("q", "acquires"))).containsExactly(id(Landmark.NVIDIA_ACQUIRING),
				id(Landmark.ACQUIRED_BODY));
	}

	/** "LLMs" finds "large language models" and the other way round, with no other article. */
	@Test
	void multiWordSynonymsWorkBothWays() {
		Set<String> both = Set.of(id(Landmark.LARGE_LANGUAGE_MODELS), id(Landmark.LLMS));
		assertThat(ids(fixture.ok("q", "LLMs"))).containsExactlyInAnyOrderElementsOf(both);
		assertThat(ids(fixture.ok("q", "large language models"))).containsExactlyInAnyOrderElementsOf(both);
	}

	/** "anthropic -claude": the Tokyo office first, nothing that mentions Claude, everything else about Anthropic. */
	@Test
	void exclusionRemovesEveryArticleWithTheWord() {
		List<JsonNode> hits = walk(fixture, List.of("q", "anthropic -claude", "size", "50"), () -> {
		});
		assertThat(hits.get(0).path("id").asString()).isEqualTo(id(Landmark.ANTHROPIC_TOKYO));
		assertThat(articlesOf(hits)).doesNotContain(id(Landmark.ANTHROPIC_CLAUDE_PRICING))
			.allSatisfy((article) -> assertThat(text(article)).doesNotContain("claude"))
			.containsExactlyInAnyOrderElementsOf(corpusWhere("anthropic", (a) -> !text(a.articleId()).contains("claude")));
	}

	/** title: searches titles only: every article with Nvidia (or NVDA) in its title, none with it in the body only. */
	@Test
	void titleScopeSearchesTitlesOnly() {
		List<JsonNode> hits = walk(fixture, List.of("q", "title:nvidia", "size", "100"), () -> {
		});
		Set<String> inTitles = corpusWhere("nvidia|nvda", (a) -> a.title().toLowerCase().matches(".*\\b(nvidia|nvda)\\b.*"));
		Set<String> anywhere = corpusWhere("nvidia|nvda", (a) -> true);
		assertThat(anywhere).hasSizeGreaterThan(inTitles.size());
		assertThat(articlesOf(hits)).containsExactlyInAnyOrderElementsOf(inTitles);
	}

	/** source: and tag: are exact (case-insensitive) values; as parameters they filter the same way. */
	@Test
	void sourceAndTagScopes() {
		List<JsonNode> hits = walk(fixture, List.of("q", "source:\"silicon ledger\" nvidia", "size", "100"), () -> {
		});
		assertThat(hits).isNotEmpty().allSatisfy((hit) -> assertThat(hit.path("source").asString()).isEqualTo("Silicon Ledger"));
		assertThat(articlesOf(hits)).containsExactlyInAnyOrderElementsOf(
				corpusWhere("nvidia|nvda", (a) -> a.source().equals("Silicon Ledger")));
		long scoped = fixture.ok("q", "tag:policy").path("total").asLong();
		assertThat(scoped).isPositive()
			.isEqualTo(fixture.ok("tag", "policy").path("total").asLong())
			.isEqualTo(SearchFixture.CORPUS.articles().stream().filter((a) -> a.tags().contains("policy")).count());
	}

	/** Two equally relevant articles: recency puts the newer first; from/to keep one or the other. */
	@Test
	void dateFiltersAndRecency() {
		String recent = id(Landmark.BLACKWELL_RECENT);
		String older = id(Landmark.BLACKWELL_OLDER);
		assertThat(ids(fixture.ok("q", "\"Blackwell Ultra\""))).containsExactly(recent, older);
		assertThat(ids(fixture.ok("q", "\"Blackwell Ultra\"", "from", "7d"))).containsExactly(recent);
		assertThat(ids(fixture.ok("q", "\"Blackwell Ultra\"", "from", NewsCorpus.ANCHOR.minus(Duration.ofDays(7)).toString())))
			.containsExactly(recent);
		assertThat(ids(fixture.ok("q", "\"Blackwell Ultra\"", "to", "1w"))).containsExactly(older);
		String firstDay = LocalDate.ofInstant(NewsCorpus.ANCHOR.minus(Duration.ofDays(26)), ZoneOffset.UTC).toString();
		String lastDay = LocalDate.ofInstant(NewsCorpus.ANCHOR.minus(Duration.ofDays(24)), ZoneOffset.UTC).toString();
		assertThat(ids(fixture.ok("q", "\"Blackwell Ultra\"", "from", firstDay, "to", lastDay))).containsExactly(older);
	}

	@Test
	void sortRecentOrdersByPublicationTime() {
		List<JsonNode> hits = hits(fixture.ok("q", "nvidia", "sort", "recent", "size", "100"));
		List<Instant> times = hits.stream().map((hit) -> Instant.parse(hit.path("publishedAt").asString())).toList();
		assertThat(times).hasSizeGreaterThan(10).isSortedAccordingTo((a, b) -> b.compareTo(a));
	}

	@Test
	void prefixAndGrouping() {
		assertThat(ids(fixture.ok("q", "kinet*")).get(0)).isEqualTo(id(Landmark.NVIDIA_ACQUIRING));
		assertThat(ids(fixture.ok("q", "(tokyo OR kinetica) -nvidia"))).containsExactly(id(Landmark.ANTHROPIC_TOKYO));
		assertThat(ids(fixture.ok("q", "tokyo | kinetica"))).containsExactlyInAnyOrder(id(Landmark.ANTHROPIC_TOKYO),
				id(Landmark.NVIDIA_ACQUIRING));
	}

	/** Every facet count is what Elasticsearch counts for the same query and filter. */
	@Test
	void facetCountsEqualElasticsearchCounts() throws Exception {
		JsonNode result = fixture.ok("q", "nvidia", "lang", "en", "from", "30d");
		Map<String, Object> words = Map.of("combined_fields", Map.of("query", "nvidia", "fields",
				List.of("title^3.0", "summary^2.0", "body"), "operator", "and"));
		Instant from = NewsCorpus.ANCHOR.minus(Duration.ofDays(30));
		Map<String, Object> base = Map.of("range", Map.of("publishedAt", Map.of("gte", from.toString())));
		Map<String, Object> english = Map.of("term", Map.of("language", "en"));
		long total = fixture.count(Map.of("bool", Map.of("must", List.of(words), "filter", List.of(base, english))));
		assertThat(result.path("total").asLong()).isEqualTo(total).isPositive();
		checkFacet(result, "source", "source", words, List.of(base, english), total);
		checkFacet(result, "tag", "tags", words, List.of(base, english), -1);
		long days = 0;
		for (JsonNode day : result.path("facets").path("day")) {
			LocalDate date = LocalDate.parse(day.path("value").asString());
			Map<String, Object> range = Map.of("range", Map.of("publishedAt", Map.of("gte", date.toString(), "lt",
					date.plusDays(1).toString())));
			assertThat(day.path("count").asLong()).as("day %s", date)
				.isEqualTo(fixture.count(Map.of("bool", Map.of("must", List.of(words), "filter", List.of(base, english, range)))));
			days++;
		}
		assertThat(days).isEqualTo(31);
	}

	private static void checkFacet(JsonNode result, String facet, String field, Map<String, Object> query,
			List<Map<String, Object>> filters, long total) throws Exception {
		long sum = 0;
		JsonNode values = result.path("facets").path(facet);
		assertThat(values).isNotEmpty();
		for (JsonNode value : values) {
			List<Object> all = new ArrayList<>(filters);
			all.add(Map.of("term", Map.of(field, value.path("value").asString())));
			assertThat(value.path("count").asLong()).as("%s %s", facet, value.path("value").asString())
				.isEqualTo(fixture.count(Map.of("bool", Map.of("must", List.of(query), "filter", all))));
			sum += value.path("count").asLong();
		}
		if (total >= 0) {
			assertThat(sum).isEqualTo(total);
		}
	}

	/** Snippets mark the match and escape everything else, markup in the article included. */
	@Test
	void snippetsAreEscapedHtmlWithMarks() {
		JsonNode hit = fixture.ok("q", "\"prompt injection\" alert").path("hits").path(0);
		assertThat(hit.path("id").asString()).isEqualTo(id(Landmark.PROMPT_INJECTION));
		assertThat(hit.path("snippet").asString()).contains("<mark>prompt injection</mark>")
			.contains("&lt;script&gt;")
			.contains("&amp;")
			.doesNotContain("<script");
	}

	/** A story carried by four sources is one hit that names the three others. */
	@Test
	void collapsedStoryListsItsOtherSources() {
		JsonNode result = fixture.ok("q", "microsoft openai cloud agreement");
		JsonNode first = result.path("hits").path(0);
		assertThat(first.path("storyId").asString()).isEqualTo(SearchFixture.CORPUS.landmark(Landmark.CLOUD_AGREEMENT).storyId());
		assertThat(first.path("storyCount").asLong()).isEqualTo(4);
		Set<String> sources = new HashSet<>();
		first.path("otherSources").forEach((other) -> sources.add(other.path("source").asString()));
		sources.add(first.path("source").asString());
		assertThat(sources).containsExactlyInAnyOrder("Compute Chronicle", "The Inference", "Datacenter Dispatch",
				"Silicon Ledger");
		assertThat(result.path("total").asLong()).isEqualTo(4);
		assertThat(result.path("hits")).hasSize(1);
	}

	@Test
	void articleRelatedAndSuggest() {
		JsonNode article = fixture.get("/api/articles/" + id(Landmark.OPEN_WEIGHTS)).json();
		assertThat(article.path("title").asString()).isEqualTo(Landmark.OPEN_WEIGHTS.title());
		assertThat(article.path("body").asString()).isEqualTo(Landmark.OPEN_WEIGHTS.body());
		SearchFixture.Response missing = fixture.get("/api/articles/" + "0".repeat(32));
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.json().path("title").asString()).isEqualTo("Article not found");

		JsonNode related = fixture.get("/api/articles/" + id(Landmark.BLACKWELL_RECENT) + "/related").json();
		List<String> relatedIds = new ArrayList<>();
		related.path("related").forEach((r) -> relatedIds.add(r.path("id").asString()));
		assertThat(relatedIds).contains(id(Landmark.BLACKWELL_OLDER)).doesNotContain(id(Landmark.BLACKWELL_RECENT));

		JsonNode suggest = fixture.get("/api/suggest?prefix=kinet").json();
		assertThat(suggest.path("titles").path(0).path("title").asString()).isEqualTo(Landmark.NVIDIA_ACQUIRING.title());
		assertThat(fixture.get("/api/suggest?prefix=k").status()).isEqualTo(400);
	}

	/** Hostile or broken input is a 4xx that names the parameter and says what was wrong. */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = { "ten kB query|q|is 10240 characters long",
			"unbalanced quote|q|never closed", "unbalanced parenthesis|q|never closed", "star alone|q|not a query",
			"leading wildcard|q|leading wildcard", "control characters|q|control characters",
			"too many terms|q|more than 32 terms", "huge size|size|must be from 1 to 100",
			"bad date|from|must be a date", "reversed dates|from|must be before 'to'", "bad cursor|cursor|was not issued by this service",
			"bad sort|sort|must be 'relevance' or 'recent'", "bad language|lang|ISO 639-1" })
	void hostileInputIsRefusedWithAUsefulMessage(String input, String parameter, String message) {
		String[] parameters = switch (input) {
			case "ten kB query" -> new String[] { "q", "x".repeat(10_240) };
			case "unbalanced quote" -> new String[] { "q", "anthropic \"claude pricing" };
			case "unbalanced parenthesis" -> new String[] { "q", "(nvidia OR amd" };
			case "star alone" -> new String[] { "q", "*" };
			case "leading wildcard" -> new String[] { "q", "*ai" };
			case "control characters" -> new String[] { "q", "open\u0000ai\u001b[31m" };
			case "too many terms" -> new String[] { "q", "nvidia ".repeat(40) };
			case "huge size" -> new String[] { "q", "nvidia", "size", "100000" };
			case "bad date" -> new String[] { "from", "last tuesday" };
			case "reversed dates" -> new String[] { "from", "2026-11-20", "to", "2026-11-01" };
			case "bad cursor" -> new String[] { "q", "nvidia", "cursor", "eyJ2IjoxfQ.AAAA" };
			case "bad sort" -> new String[] { "sort", "popular" };
			default -> new String[] { "lang", "klingon" };
		};
		SearchFixture.Response response = fixture.search(parameters);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("parameter").asString()).isEqualTo(parameter);
		assertThat(problem.path("detail").asString()).startsWith("'" + parameter + "'").contains(message);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
	}

}
