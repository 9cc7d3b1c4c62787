package io.newshound.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code newshound_english_stem}: KStem ("partnerships" → "partnership"), except for the names in
 * {@code protected-words.txt}. Expects lowercased, folded tokens; see {@link EnglishChain} for why KStem.
 */
@NamedComponent(EnglishStemFilterFactory.NAME)
public final class EnglishStemFilterFactory implements TokenFilterFactory {

	static final String NAME = "newshound_english_stem";

	public EnglishStemFilterFactory() {
		ProtectedWords.set(); // a broken word list fails the index creation, not the first document
	}

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return EnglishChain.stem(tokenStream);
	}

}
