package io.newshound.analysis;

import java.io.IOException;
import java.io.Reader;
import java.text.ParseException;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The AI-domain synonyms of {@code ai-synonyms.txt} (Solr format) as a {@link SynonymMap}. Every rule is
 * analysed with {@link EnglishChain#analyzer()}, the chain that precedes {@code newshound_ai_synonyms} in
 * the search analyzer, so "LLMs" and "large language models" in a rule become "llm" and
 * "large language model", the terms a query and the index hold. Built once per JVM (an Elasticsearch node, a search service).
 */
public final class AiSynonyms {

	static final String FILE = "ai-synonyms.txt";

	private static SynonymMap map;

	private AiSynonyms() {
	}

	/**
	 * The synonym map of the bundled rules.
	 * @throws IllegalStateException when the rules cannot be read or parsed (the message names the line)
	 */
	public static synchronized SynonymMap map() {
		if (map == null) {
			try (Reader rules = AnalysisResources.open(FILE)) {
				map = parse(rules);
			}
			catch (IOException | ParseException ex) {
				throw new IllegalStateException("newshound_ai_synonyms: cannot load " + FILE + ": " + ex.getMessage(), ex);
			}
		}
		return map;
	}

	/**
	 * Parses Solr-format rules: {@code a, b, c} makes all of them equivalent, {@code a => b} rewrites.
	 * Duplicates after analysis ("LLM" and "LLMs") collapse.
	 */
	public static SynonymMap parse(Reader rules) throws IOException, ParseException {
		try (Analyzer analyzer = EnglishChain.analyzer()) {
			SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
			parser.parse(rules);
			return parser.build();
		}
	}

}
