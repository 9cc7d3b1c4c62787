package io.newshound.analysis;

import java.io.StringReader;
import java.util.List;

import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.analysis.AnalysisMode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AiSynonymsTests {

	/** Every term of the graph that newshound_english_search makes of a query. */
	private static List<String> search(String query) {
		AiSynonymsFilterFactory synonyms = new AiSynonymsFilterFactory();
		return Tokens.of(query, (tokens) -> synonyms.create(EnglishChain.english(tokens)));
	}

	@Test
	void bundledRulesParse() {
		assertThat(AiSynonyms.map().fst).isNotNull();
	}

	@Test
	void acronymExpandsToItsMultiWordForm() {
		assertThat(search("LLMs")).containsExactlyInAnyOrder("llm", "large", "language", "model");
	}

	@Test
	void multiWordFormExpandsToItsAcronym() {
		assertThat(search("Large Language Models")).contains("llm", "large", "language", "model");
		assertThat(search("generative AI")).contains("genai", "generative", "ai");
	}

	@Test
	void tickersAndCompanyNamesAreEquivalent() {
		assertThat(search("NVDA")).containsExactlyInAnyOrder("nvda", "nvidia");
		assertThat(search("Alphabet")).containsExactlyInAnyOrder("alphabet", "google", "googl", "goog");
		assertThat(search("Facebook")).contains("meta", "facebook");
		assertThat(search("Google DeepMind")).contains("deepmind", "google");
		assertThat(search("x.ai")).contains("xai");
	}

	@Test
	void wordsWithoutSynonymsPassUnchanged() {
		assertThat(search("partnerships in Paris")).containsExactly("partnership", "in", "paris");
	}

	@Test
	void rulesAreAnalysedWithTheSearchChain() throws Exception {
		SynonymMap map = AiSynonyms.parse(new StringReader("gizmo, Crème Laboratories’s\n"));
		assertThat(Tokens.of("creme laboratory", (tokens) -> new SynonymGraphFilter(EnglishChain.english(tokens), map, false)))
			.contains("gizmo");
		assertThat(Tokens.of("gizmos", (tokens) -> new SynonymGraphFilter(EnglishChain.english(tokens), map, false)))
			.contains("creme", "laboratory");
	}

	@Test
	void synonymsAreForSearchTimeOnly() {
		assertThat(new AiSynonymsFilterFactory().getAnalysisMode()).isEqualTo(AnalysisMode.SEARCH_TIME);
	}

}
