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
 * Newshound's English analysis in one place: the Lucene filters behind the Elasticsearch plugin's token
 * filters (search-analysis-plugin), and the chain that the index template's {@code newshound_english}
 * analyzer builds from them, so that code outside Elasticsearch (alert matching) analyses text exactly as
 * the index does. Compiled for Java 17 against Lucene 9 and run unchanged on Elasticsearch's Lucene 10:
 * only APIs that both share are used. The synonym rules are analysed with
 * {@link #analyzer()}, so a rule matches exactly the terms that this chain makes of a query.
 *
 * <p>Stemming is KStem (Krovetz), not Porter: it maps plurals and inflections to dictionary words
 * ("partnerships" → "partnership", "LLMs" → "llm", "companies" → "company") and leaves alone what
 * Porter conflates ("generative" and "general" both → "gener", "news" → "new", "Anthropic" → "anthrop").
 * Words KStem still mangles are kept whole through {@link ProtectedWords}.
 */
public final class EnglishChain {

	private EnglishChain() {
	}

	/** "OpenAI's" → "OpenAI" (also with a typographic apostrophe). */
	public static TokenStream possessive(TokenStream input) {
		return new EnglishPossessiveFilter(input);
	}

	/** "Crème" → "Creme": Latin letters with diacritics and ligatures to ASCII. */
	public static TokenStream asciiFolding(TokenStream input) {
		return new ASCIIFoldingFilter(input, false);
	}

	/** KStem, except for the {@link ProtectedWords}; expects lowercased, folded tokens. */
	public static TokenStream stem(TokenStream input) {
		return new KStemFilter(new SetKeywordMarkerFilter(input, ProtectedWords.set()));
	}

	/** Everything after the tokenizer in {@code newshound_english}: lowercase, possessive, folding, stem. */
	public static TokenStream english(TokenStream tokens) {
		return stem(asciiFolding(possessive(new LowerCaseFilter(tokens))));
	}

	/** {@code newshound_english} as a Lucene analyzer: the standard tokenizer, then {@link #english}. */
	public static Analyzer analyzer() {
		return new Analyzer() {

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new StandardTokenizer();
				return new TokenStreamComponents(tokenizer, english(tokenizer));
			}

		};
	}

}
