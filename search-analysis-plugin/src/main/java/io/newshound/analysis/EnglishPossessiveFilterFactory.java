package io.newshound.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/** {@code newshound_english_possessive}: removes a trailing 's, so "OpenAI's" is found by "OpenAI". */
@NamedComponent(EnglishPossessiveFilterFactory.NAME)
public final class EnglishPossessiveFilterFactory implements TokenFilterFactory {

	static final String NAME = "newshound_english_possessive";

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return EnglishChain.possessive(tokenStream);
	}

}
