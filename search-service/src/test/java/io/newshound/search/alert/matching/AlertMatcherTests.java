package io.newshound.search.alert.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.newshound.search.query.QueryParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matcher on Lucene Monitor with the index's analysis, query by query as search understands them (the agreement
 * with Elasticsearch itself is system-tests' AlertAgreementIntegrationTests).
 */
class AlertMatcherTests {

	private static final QueryParser PARSER = new QueryParser(32, 8, 3);

	private final AlertMatcher matcher = new AlertMatcher(AlertMatcher.Mode.PRESEARCHER);

	@AfterEach
	void close() {
		this.matcher.close();
	}

	/** Stemming, synonyms both ways, possessives, folding, phrases, prefixes, boolean operators, the title scope. */
	@ParameterizedTest(name = "{0} finds \"{1}\"")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			acquires                    | Nvidia is acquiring a software maker
			partnerships                | a new partnership with Microsoft
			LLMs                        | large language models get cheaper
			large language models       | LLMs get cheaper
			NVDA                        | Nvidia reports record revenue
			OpenAI's                    | OpenAI ships a model
			creme                       | Crème brûlée for the launch party
			"open weights"            | the model has open weights now
			agent*                      | agentic coding tools
			nvidia OR amd               | AMD ships a new GPU
			-nvidia                     | AMD ships a new GPU
			nvidia -earnings            | Nvidia ships a new GPU
			(tokyo OR kinetica) -nvidia | Anthropic opens a Tokyo office
			title:anthropic             | Anthropic opens a Tokyo office
			gpt-4*                      | gpt-4o is out
			""")
	void finds(String query, String text) {
		this.matcher.register(alert("a", query));
		assertThat(this.matcher.match(article(text, null, null))).containsExactly("a");
	}

	/** What search would not find is not alerted on either. */
	@ParameterizedTest(name = "{0} does not find \"{1}\"")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			nvidia                      | AMD ships a new GPU
			"open weights"            | the weights are open
			"open weight"             | the model has open weights now
			nvidia -earnings            | Nvidia earnings beat forecasts
			anthropic NOT claude        | Anthropic updates Claude
			title:tokyo                 | Anthropic expands
			agent*                      | an agency opens
			""")
	void doesNotFind(String query, String text) {
		this.matcher.register(alert("a", query));
		assertThat(this.matcher.match(article(text, null, null))).isEmpty();
	}

	/** combined_fields: each word in any of title, summary, body; a phrase never spans two of them. */
	@Test
	void wordsMayComeFromDifferentFieldsButAPhraseMayNot() {
		this.matcher.register(alert("words", "nvidia earnings"));
		this.matcher.register(alert("synonym", "LLMs"));
		this.matcher.register(alert("title", "title:earnings"));
		MatchableArticle split = new MatchableArticle("1", "https://x.example/1", "Wire", "Nvidia beats forecasts",
				"Analysts cheer large", "language models drove the earnings", List.of(), "en", null, null);
		assertThat(this.matcher.match(split)).containsExactly("words");
	}

	/** Source and tag filters are any-of and case-insensitive; the language must be equal; all must hold. */
	@Test
	void filtersNarrowMatches() {
		this.matcher.register(new AlertMatcher.AlertQuery("source", PARSER.parse("nvidia"), List.of("silicon ledger", "Other"),
				List.of(), null));
		this.matcher.register(new AlertMatcher.AlertQuery("tag", PARSER.parse("nvidia"), List.of(), List.of("CHIPS"), "en"));
		this.matcher.register(new AlertMatcher.AlertQuery("german", PARSER.parse("nvidia"), List.of(), List.of(), "de"));
		this.matcher.register(alert("scoped", "source:\"Silicon Ledger\" tag:chips"));
		MatchableArticle article = new MatchableArticle("1", "https://x.example/1", "Silicon Ledger", "Nvidia ships",
				null, "Nvidia ships a GPU", List.of("chips", "business"), "en", null, null);
		assertThat(this.matcher.match(article)).containsExactlyInAnyOrder("source", "tag", "scoped");
	}

	/** Removing an alert, or registering it again with another query, changes what matches. */
	@Test
	void alertsCanBeReplacedAndRemoved() {
		this.matcher.register(alert("a", "nvidia"));
		MatchableArticle article = article("Nvidia ships a GPU", null, null);
		assertThat(this.matcher.match(article)).containsExactly("a");
		this.matcher.register(alert("a", "amd"));
		assertThat(this.matcher.match(article)).isEmpty();
		this.matcher.register(alert("a", "gpu"));
		this.matcher.remove("a");
		assertThat(this.matcher.match(article)).isEmpty();
		assertThat(this.matcher.size()).isZero();
	}

	/** The presearcher only skips queries that cannot match: the same matches as running every query. */
	@Test
	void presearcherAgreesWithBruteForce() {
		List<String> queries = List.of("nvidia", "nvidia OR amd", "-nvidia", "agent*", "\"open weights\"", "LLMs",
				"title:tokyo", "acquires -nvidia", "(gpu OR tpu) earnings", "tag:chips", "openai's partnership");
		List<MatchableArticle> articles = List.of(article("Nvidia is acquiring a startup", null, "chips"),
				article("Large language models for agents", null, null),
				article("Anthropic opens a Tokyo office", "open weights", null),
				article("OpenAI partnerships with Microsoft", "GPU earnings", "chips"));
		try (AlertMatcher brute = new AlertMatcher(AlertMatcher.Mode.BRUTE_FORCE)) {
			List<AlertMatcher.AlertQuery> alerts = new ArrayList<>();
			for (int i = 0; i < queries.size(); i++) {
				alerts.add(alert("q" + i, queries.get(i)));
			}
			brute.register(alerts);
			this.matcher.register(alerts);
			for (MatchableArticle article : articles) {
				Set<String> expected = brute.match(article);
				assertThat(this.matcher.match(article)).as(article.title()).isEqualTo(expected);
			}
			assertThat(articles.stream().mapToInt((article) -> brute.match(article).size()).sum()).isGreaterThan(10);
		}
	}

	private static AlertMatcher.AlertQuery alert(String id, String query) {
		return new AlertMatcher.AlertQuery(id, PARSER.parse(query), List.of(), List.of(), null);
	}

	private static MatchableArticle article(String title, String body, String tag) {
		return new MatchableArticle("1", "https://x.example/1", "Wire", title, null, (body != null) ? body : "",
				(tag != null) ? List.of(tag) : List.of(), "en", null, null);
	}

}
