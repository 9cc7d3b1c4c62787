package io.newshound.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysis plugin (search-analysis-plugin, installed into the node through {@code newshound.es.plugins})
 * on a real node: its analyzers through {@code _analyze}, and real queries on an index made by the indexer's
 * own template, put here under another name and index pattern.
 */
@LocalStackTest
class AnalysisPluginIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String TEMPLATE_RESOURCE = "elasticsearch/news-articles-template.json";

	private static final String PREFIX = "analysis-it-" + UUID.randomUUID().toString().substring(0, 8);

	private static final String TEMPLATE = PREFIX + "-template";

	private static final String INDEX = PREFIX + "-v1";

	private static final String REFUSED_INDEX = PREFIX + "-refused";

	/** id → title and body; the ids say what each article is there to show. */
	private static final Map<String, List<String>> ARTICLES = Map.of(
			"partnership", List.of("Microsoft and OpenAI extend their partnership", "The partnership covers cloud computing."),
			"creme", List.of("Crème de la crème of AI start-ups", "A ranking of young companies."),
			"large-language-models", List.of("Researchers scale up language research",
					"New large language models were trained on more data than ever."),
			"llms", List.of("Open LLMs close the gap", "Open-weight models catch up with closed ones."),
			"openai", List.of("OpenAI ships a reasoning model", "The model is available to developers today."),
			"nvidia", List.of("Nvidia reports record data center revenue", "Demand for accelerators keeps growing."),
			"deepmind", List.of("DeepMind unveils a protein structure model", "The lab published its results."),
			"unrelated", List.of("Mild weather expected in Paris", "Gardeners plant tomatoes as the rain stops."));

	static LocalStack stack;

	@BeforeAll
	static void createIndexFromTheIndexerTemplate(LocalStack localStack) throws Exception {
		stack = localStack;
		ObjectNode template;
		try (InputStream in = AnalysisPluginIntegrationTests.class.getClassLoader().getResourceAsStream(TEMPLATE_RESOURCE)) {
			assertThat(in).as("%s from the indexer-service jar", TEMPLATE_RESOURCE).isNotNull();
			template = (ObjectNode) JSON.readTree(in);
		}
		template.putArray("index_patterns").add(PREFIX + "-v*");
		assertThat(send("PUT", "/_index_template/" + TEMPLATE, template).path("acknowledged").asBoolean()).isTrue();
		assertThat(send("PUT", "/" + INDEX, null).path("acknowledged").asBoolean()).isTrue();

		StringBuilder bulk = new StringBuilder();
		ARTICLES.forEach((id, text) -> bulk.append(JSON.writeValueAsString(Map.of("index", Map.of("_id", id))))
			.append('\n')
			.append(JSON.writeValueAsString(Map.of("articleId", id, "title", text.get(0), "body", text.get(1))))
			.append('\n'));
		JsonNode indexed = sendRaw("POST", "/" + INDEX + "/_bulk?refresh=true", bulk.toString(), "application/x-ndjson");
		assertThat(indexed.path("errors").asBoolean(true)).as(indexed.toString()).isFalse();
	}

	@AfterAll
	static void deleteIndexAndTemplate() throws Exception {
		if (stack != null) {
			send("DELETE", "/" + INDEX + "," + REFUSED_INDEX + "?ignore_unavailable=true", null);
			send("DELETE", "/_index_template/" + TEMPLATE, null);
		}
	}

	/** The node lists the plugin, so the filters below come from it and not from a module. */
	@Test
	void nodeHasThePluginInstalled() throws Exception {
		JsonNode plugins = sendRaw("GET", "/_cat/plugins?format=json", null, null);
		assertThat(plugins.findValuesAsString("component")).contains("newshound-analysis");
	}

	/** newshound_english drops possessives, folds accents and stems plurals, keeping readable words. */
	@Test
	void englishAnalyzerMakesPossessivesAccentsAndPluralsMatch() throws Exception {
		assertThat(analyze("newshound_english", "OpenAI's partnerships with Crème labs"))
			.containsExactly("openai", "partnership", "with", "creme", "lab");
	}

	/** newshound_exact, behind the .exact sub-fields, folds and lowercases but keeps words as written. */
	@Test
	void exactAnalyzerFoldsButDoesNotStem() throws Exception {
		assertThat(analyze("newshound_exact", "OpenAI's Partnerships with Crème"))
			.containsExactly("openai's", "partnerships", "with", "creme");
	}

	/** newshound_english_search adds the AI synonyms as a graph: an acronym and its words, a ticker and its company. */
	@Test
	void searchAnalyzerExpandsAiSynonyms() throws Exception {
		assertThat(analyze("newshound_english_search", "LLMs")).containsExactlyInAnyOrder("llm", "large", "language",
				"model");
		assertThat(analyze("newshound_english_search", "NVDA")).containsExactlyInAnyOrder("nvda", "nvidia");
		assertThat(analyze("newshound_english_search", "generative AI")).contains("genai", "generative", "ai");
	}

	/** The synonym filter is search-time only: the node refuses it in an index analyzer. */
	@Test
	void synonymFilterIsRefusedAtIndexTime() throws Exception {
		JsonNode body = JSON.readTree("""
				{"settings": {"analysis": {"analyzer": {"with_synonyms": {"type": "custom", "tokenizer": "standard",
				  "filter": ["lowercase", "newshound_ai_synonyms"]}}}},
				 "mappings": {"properties": {"text": {"type": "text", "analyzer": "with_synonyms"}}}}
				""");
		JsonNode refused = send("PUT", "/" + REFUSED_INDEX, body);
		assertThat(refused.path("status").asInt()).isEqualTo(400);
		assertThat(refused.path("error").path("reason").asString()).contains("newshound_ai_synonyms");
	}

	/** "partnerships" finds an article about a "partnership". */
	@Test
	void pluralFindsSingular() throws Exception {
		assertThat(match("partnerships")).containsExactly("partnership");
	}

	/** "creme", typed without its accent, finds "Crème". */
	@Test
	void unaccentedQueryFindsAccentedText() throws Exception {
		assertThat(match("creme")).containsExactly("creme");
	}

	/** "OpenAI's" finds the articles that say "OpenAI". */
	@Test
	void possessiveFindsTheName() throws Exception {
		assertThat(match("OpenAI's")).containsExactlyInAnyOrder("partnership", "openai");
	}

	/**
	 * "LLMs" finds "large language models" and "LLMs", and nothing else: not the article about a "model",
	 * nor the unrelated one (the negative control).
	 */
	@Test
	void acronymFindsItsMultiWordSynonym() throws Exception {
		assertThat(match("LLMs")).containsExactlyInAnyOrder("large-language-models", "llms");
		assertThat(match("LLMs")).doesNotContain("openai", "unrelated");
		assertThat(match("large language models")).containsExactlyInAnyOrder("large-language-models", "llms");
	}

	/** A ticker finds its company, and a company's long name finds its short one. */
	@Test
	void tickersAndCompanyNamesFindEachOther() throws Exception {
		assertThat(match("NVDA")).containsExactly("nvidia");
		assertThat(match("Google DeepMind")).containsExactly("deepmind");
	}

	/** Multi-word synonyms inside phrase queries: "new LLMs" is the phrase "new large language models". */
	@Test
	void multiWordSynonymWorksInPhrases() throws Exception {
		assertThat(search(Map.of("match_phrase", Map.of("body", "new LLMs")))).containsExactly("large-language-models");
		assertThat(search(Map.of("match_phrase", Map.of("title", "open large language models")))).containsExactly("llms");
	}

	/**
	 * The query the search service sends (simple_query_string over title, summary and body, operator AND).
	 * It splits unquoted text on whitespace before analysis, so a multi-word synonym must be quoted there.
	 */
	@Test
	void searchServiceQueryUsesTheSynonyms() throws Exception {
		assertThat(simpleQueryString("LLMs")).containsExactlyInAnyOrder("large-language-models", "llms");
		assertThat(simpleQueryString("\"large language models\"")).containsExactlyInAnyOrder("large-language-models",
				"llms");
		assertThat(simpleQueryString("NVDA revenue")).containsExactly("nvidia");
		assertThat(simpleQueryString("\"Google DeepMind\"")).containsExactly("deepmind");
		assertThat(simpleQueryString("creme")).containsExactly("creme");
		assertThat(simpleQueryString("microsoft openai partnerships")).containsExactly("partnership");
	}

	private static List<String> analyze(String analyzer, String text) throws IOException, InterruptedException {
		JsonNode tokens = send("POST", "/" + INDEX + "/_analyze", JSON.valueToTree(Map.of("analyzer", analyzer, "text", text)));
		return tokens.path("tokens").findValuesAsString("token");
	}

	private static List<String> match(String query) throws IOException, InterruptedException {
		return search(Map.of("multi_match", Map.of("query", query, "fields", List.of("title", "body"), "operator", "and")));
	}

	private static List<String> simpleQueryString(String query) throws IOException, InterruptedException {
		return search(Map.of("simple_query_string",
				Map.of("query", query, "fields", List.of("title^3", "summary^2", "body"), "default_operator", "and")));
	}

	/** The ids of the documents the query finds. */
	private static List<String> search(Map<String, Object> query) throws IOException, InterruptedException {
		JsonNode result = send("POST", "/" + INDEX + "/_search", JSON.valueToTree(Map.of("query", query, "size", 20)));
		assertThat(result.has("hits")).as(result.toString()).isTrue();
		List<String> ids = new ArrayList<>();
		result.path("hits").path("hits").forEach((hit) -> ids.add(hit.path("_id").asString()));
		return ids;
	}

	private static JsonNode send(String method, String path, JsonNode body) throws IOException, InterruptedException {
		return sendRaw(method, path, (body != null) ? JSON.writeValueAsString(body) : null, "application/json");
	}

	private static JsonNode sendRaw(String method, String path, String body, String contentType)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + path))
			.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", contentType);
		}
		HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		try {
			return JSON.readTree(response.body());
		}
		catch (RuntimeException ex) {
			throw new UncheckedIOException(new IOException(method + " " + path + " answered " + response.statusCode()
					+ " with a body that is not JSON: " + response.body(), ex));
		}
	}

}
