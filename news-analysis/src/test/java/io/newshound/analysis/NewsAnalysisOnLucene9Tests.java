package io.newshound.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain on Lucene 9 and Java 17, where alert matching runs it, gives the tokens that the plugin's
 * real-node tests show on Elasticsearch's Lucene 10.
 */
class NewsAnalysisOnLucene9Tests {

	@Test
	void englishChainStemsFoldsAndDropsPossessives() throws IOException {
		assertThat(tokens(EnglishChain.analyzer(), "OpenAI's partnerships with Crème LLMs"))
			.containsExactly("openai", "partnership", "with", "creme", "llm");
	}

	@Test
	void protectedNamesAreNotStemmed() throws IOException {
		assertThat(tokens(EnglishChain.analyzer(), "Cursor")).containsExactly("cursor");
	}

	@Test
	void synonymGraphExpandsAcronymsToPhrases() throws IOException {
		Analyzer search = new Analyzer() {

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				org.apache.lucene.analysis.standard.StandardTokenizer tokenizer = new org.apache.lucene.analysis.standard.StandardTokenizer();
				return new TokenStreamComponents(tokenizer,
						new SynonymGraphFilter(EnglishChain.english(tokenizer), AiSynonyms.map(), false));
			}

		};
		assertThat(tokens(search, "LLMs")).contains("llm", "large", "language", "model");
	}

	private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
		List<String> tokens = new ArrayList<>();
		try (analyzer; TokenStream stream = analyzer.tokenStream("body", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		return tokens;
	}

}
