package io.newshound.search.alert.matching;

import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;

import io.newshound.analysis.AiSynonyms;
import io.newshound.analysis.EnglishChain;

import static io.newshound.search.query.LuceneQueryCompiler.BODY_EXACT;
import static io.newshound.search.query.LuceneQueryCompiler.SUMMARY_EXACT;
import static io.newshound.search.query.LuceneQueryCompiler.TITLE_EXACT;

/**
 * The index template's analyzers ({@code indexer-service/src/main/resources/elasticsearch/news-articles-template.json})
 * rebuilt from the same news-analysis chain, so that an alert matches what a search finds:
 * {@code newshound_english} for the analysed fields of an article, {@code newshound_english_search} (the same chain
 * with the AI synonyms as a token graph) for the words of a query, {@code newshound_exact} for the {@code .exact}
 * sub-fields of phrases and prefixes.
 */
public final class AlertAnalysis {

	/** Elasticsearch's {@code position_increment_gap} of text fields: a phrase never spans two values. */
	static final int POSITION_GAP = 100;

	private AlertAnalysis() {
	}

	/** {@code newshound_english}, with Elasticsearch's gap between the values of one field. */
	public static Analyzer index() {
		return withGap(EnglishChain.analyzer());
	}

	/** {@code newshound_english_search}: the index chain, then the AI synonyms. */
	public static Analyzer search() {
		return new Analyzer() {

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new StandardTokenizer();
				return new TokenStreamComponents(tokenizer,
						new SynonymGraphFilter(EnglishChain.english(tokenizer), AiSynonyms.map(), false));
			}

		};
	}

	/** {@code newshound_exact}: lowercase and ASCII folding, no stemming, no synonyms. */
	public static Analyzer exact() {
		return withGap(new Analyzer() {

			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new StandardTokenizer();
				return new TokenStreamComponents(tokenizer, EnglishChain.asciiFolding(new LowerCaseFilter(tokenizer)));
			}

		});
	}

	/** What the monitor indexes each article with: exact fields with {@link #exact()}, the rest with {@link #index()}. */
	public static Analyzer document() {
		Analyzer exact = exact();
		return new PerFieldAnalyzerWrapper(index(),
				Map.of(TITLE_EXACT, exact, SUMMARY_EXACT, exact, BODY_EXACT, exact));
	}

	private static Analyzer withGap(Analyzer analyzer) {
		return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {

			@Override
			protected Analyzer getWrappedAnalyzer(String fieldName) {
				return analyzer;
			}

			@Override
			public int getPositionIncrementGap(String fieldName) {
				return POSITION_GAP;
			}

		};
	}

}
