package io.newshound.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.AnalysisMode;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;

/**
 * {@code newshound_ai_synonyms}: the AI-domain synonyms of {@code ai-synonyms.txt} ("LLMs" ↔ "large
 * language models", "NVDA" ↔ "Nvidia", …) as a token graph. Search time only (Elasticsearch refuses it in
 * an index analyzer): the graph turns multi-word synonyms into phrase alternatives, which an index-time
 * token stream cannot represent.
 *
 * <p>It must come last in a chain equal to {@link EnglishChain} (standard tokenizer, {@code lowercase},
 * {@code newshound_english_possessive}, {@code newshound_ascii_folding}, {@code newshound_english_stem}),
 * because its rules were analysed with that chain; after another chain, some rules would not match.
 */
@NamedComponent(AiSynonymsFilterFactory.NAME)
public final class AiSynonymsFilterFactory implements TokenFilterFactory {

	static final String NAME = "newshound_ai_synonyms";

	private final SynonymMap synonyms;

	public AiSynonymsFilterFactory() {
		this.synonyms = AiSynonyms.map(); // a broken rule file fails the index creation, not the first query
	}

	@Override
	public TokenStream create(TokenStream tokenStream) {
		// tokens and rules are lowercase already
		return new SynonymGraphFilter(tokenStream, this.synonyms, false);
	}

	@Override
	public AnalysisMode getAnalysisMode() {
		return AnalysisMode.SEARCH_TIME;
	}

}
