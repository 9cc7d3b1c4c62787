package io.newshound.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code newshound_ascii_folding}: "Crème" → "Creme", so a query typed without accents finds accented
 * text and the other way round. Also applied to the terms of prefix, wildcard and fuzzy queries.
 */
@NamedComponent(AsciiFoldingFilterFactory.NAME)
public final class AsciiFoldingFilterFactory implements TokenFilterFactory {

	static final String NAME = "newshound_ascii_folding";

	@Override
	public TokenStream create(TokenStream tokenStream) {
		return EnglishChain.asciiFolding(tokenStream);
	}

	@Override
	public TokenStream normalize(TokenStream tokenStream) {
		return EnglishChain.asciiFolding(tokenStream);
	}

}
