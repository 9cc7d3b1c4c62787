package io.newshound.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The Lucene filters behind the plugin's token filters, and the analysis chain that the index template's
 * {@code newshound_english} analyzer builds from them. The synonym rules are analysed with
 * {@link #analyzer()}, so a rule matches exactly the terms that this chain makes of a query.
 *
 * <p>Stemming is KStem (Krovetz), not Porter: it maps plurals and inflections to dictionary words
 * ("partnerships" → "partnership", "LLMs" → "llm", "companies" → "company") and leaves alone what
 * Porter conflates ("generative" and "general" both → "gener", "news" → "new", "Anthropic" → "anthrop").
 * Words KStem still mangles are kept whole through {@link ProtectedWords}.
 */
final class EnglishChain {

	private EnglishChain() {
	}

	/** "OpenAI's" → "OpenAI" (also with a typographic apostrophe). */
	static TokenStream possessive(TokenStream input) {
		return new EnglishPossessiveFilter(input);
	}

	/** "Crème" → "Creme": Latin letters with diacritics and ligatures to ASCII. */
	static TokenStream asciiFolding(TokenStream input) {
		return new ASCIIFoldingFilter(input, false);
	}

	/** KStem, except for the {@link ProtectedWords}; expects lowercased, folded tokens. */
	static TokenStream stem(TokenStream input) {
		return new KStemFilter(new SetKeywordMarkerFilter(input, ProtectedWords.set()));
	}

	/** Everything after the tokenizer in {@code newshound_english}: lowercase, possessive, folding, stem. */
	static TokenStream english(TokenStream tokens) {
		return stem(asciiFolding(possessive(new LowerCaseFilter(tokens))));
	}

	/** {@code newshound_english} as a Lucene analyzer: the standard tokenizer, then {@link #english}. */
	static Analyzer analyzer() {
		return new Analyzer() {

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new StandardTokenizer();
				return new TokenStreamComponents(tokenizer, english(tokenizer));
			}

		};
	}

}
