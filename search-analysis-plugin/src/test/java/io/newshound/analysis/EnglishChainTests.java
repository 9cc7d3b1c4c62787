package io.newshound.analysis;

import java.util.List;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EnglishChainTests {

	/** What newshound_english makes of text, built from the plugin's factories as the index template chains them. */
	private static List<String> english(String text) {
		return Tokens.of(text, (tokens) -> {
			TokenStream stream = new LowerCaseFilter(tokens);
			stream = new EnglishPossessiveFilterFactory().create(stream);
			stream = new AsciiFoldingFilterFactory().create(stream);
			return new EnglishStemFilterFactory().create(stream);
		});
	}

	@Test
	void possessivesAccentsAndPluralsAreRemoved() {
		assertThat(english("OpenAI's partnerships with Crème Labs")).containsExactly("openai", "partnership", "with",
				"creme", "lab");
	}

	@Test
	void typographicApostropheIsAPossessiveToo() {
		assertThat(english("Nvidia’s GPUs")).containsExactly("nvidia", "gpu");
	}

	@Test
	void stemmingKeepsWordsThatPorterWouldConflate() {
		assertThat(english("generative general news Anthropic companies")).containsExactly("generative", "general",
				"news", "anthropic", "company");
	}

	@Test
	void protectedWordsAreNotStemmed() {
		assertThat(english("Cursor Keras Kubernetes pandas agentic")).containsExactly("cursor", "keras", "kubernetes",
				"pandas", "agentic");
		assertThat(english("agents")).containsExactly("agent");
	}

	@Test
	void factoriesBuildTheSameChainAsTheRuleAnalyzer() {
		String text = "OpenAI's LLMs, Crème and DeepMind's large language models";
		assertThat(english(text)).isEqualTo(Tokens.of(text, EnglishChain::english));
	}

	@Test
	void asciiFoldingAlsoNormalizesMultiTermQueries() {
		assertThat(Tokens.of("Crè", (tokens) -> new AsciiFoldingFilterFactory().normalize(tokens)))
			.containsExactly("Cre");
	}

}
