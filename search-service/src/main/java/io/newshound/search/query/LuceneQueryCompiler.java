package io.newshound.search.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns the same {@link QueryNode} tree that {@link QueryCompiler} sends to Elasticsearch into a Lucene query over
 * one article, for alert matching (Lucene Monitor). Each piece has the matching semantics of its Elasticsearch
 * counterpart (scores do not matter here, only whether an article matches):
 *
 * <ul>
 * <li>words: {@code combined_fields} over title, summary and body with every word required is "each term in at least
 * one of the fields", which is a boolean query on {@link #TEXT}, one field holding the three values (a phrase made by
 * a multi-word synonym cannot span two of them: Elasticsearch's position gap of 100 separates the values). The text
 * is analysed whole with the search analyzer, so stemming and synonym graphs apply as in Elasticsearch
 * ({@link QueryBuilder} is the class Elasticsearch's match queries build on, with multi-term synonyms as phrases);
 * no terms after analysis matches everything ({@code zero_terms_query: all});</li>
 * <li>{@code title:} words: the same on {@link #TITLE};</li>
 * <li>phrases: a phrase on any {@code .exact} field (no terms: nothing, as {@code match_phrase});</li>
 * <li>prefixes ({@code match_phrase_prefix}): the analysed words but the last as a phrase, then a word starting with
 * the last;</li>
 * <li>{@code source:}, {@code tag:}: the lowercased value on a field that holds lowercased values (Elasticsearch's
 * {@code case_insensitive} term);</li>
 * <li>AND, OR, NOT: boolean queries; a query of negations alone matches every article without them, as
 * Elasticsearch's {@code bool} with only {@code must_not} does.</li>
 * </ul>
 *
 * Known difference: Elasticsearch expands a prefix to at most {@code prefix-expansions} terms of the whole index,
 * chosen in term order; here every term of the article counts. A prefix that expands to more terms than that may
 * alert on an article that search does not find.
 */
public final class LuceneQueryCompiler {

	/** Title, summary and body as one field, as {@code combined_fields} sees them. */
	public static final String TEXT = "text";

	public static final String TITLE = "title";

	public static final String TITLE_EXACT = "title.exact";

	public static final String SUMMARY_EXACT = "summary.exact";

	public static final String BODY_EXACT = "body.exact";

	/** Lowercased source name. */
	public static final String SOURCE = "source";

	/** Lowercased tags. */
	public static final String TAGS = "tags";

	/** Language code as indexed (not lowercased, as Elasticsearch's {@code term} on {@code language}). */
	public static final String LANGUAGE = "language";

	private static final List<String> EXACT_FIELDS = List.of(TITLE_EXACT, SUMMARY_EXACT, BODY_EXACT);

	private final QueryBuilder words;

	private final QueryBuilder exact;

	private final Analyzer exactAnalyzer;

	/**
	 * @param searchAnalyzer the index's search analyzer ({@code newshound_english_search})
	 * @param exactAnalyzer the analyzer of the {@code .exact} sub-fields ({@code newshound_exact})
	 */
	public LuceneQueryCompiler(Analyzer searchAnalyzer, Analyzer exactAnalyzer) {
		this.words = new QueryBuilder(searchAnalyzer);
		this.words.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
		this.exact = new QueryBuilder(exactAnalyzer);
		this.exactAnalyzer = exactAnalyzer;
	}

	/**
	 * The query and the filters of an alert or a search as one Lucene query.
	 * @param node the parsed query
	 * @param sources source names, any of which may match (empty: any source)
	 * @param tags tags, any of which may match (empty: any tag)
	 * @param language the language code, or {@code null} for any
	 */
	public Query compile(QueryNode node, Collection<String> sources, Collection<String> tags, String language) {
		BooleanQuery.Builder query = new BooleanQuery.Builder().add(compile(node), Occur.MUST);
		if (!sources.isEmpty()) {
			query.add(anyOf(SOURCE, sources), Occur.FILTER);
		}
		if (!tags.isEmpty()) {
			query.add(anyOf(TAGS, tags), Occur.FILTER);
		}
		if (language != null) {
			query.add(new TermQuery(new Term(LANGUAGE, language)), Occur.FILTER);
		}
		return query.build();
	}

	/** The query alone. */
	public Query compile(QueryNode node) {
		if (node instanceof QueryNode.Words words) {
			String field = (words.scope() == QueryNode.Scope.TITLE) ? TITLE : TEXT;
			return orAll(this.words.createBooleanQuery(field, words.text(), Occur.MUST));
		}
		if (node instanceof QueryNode.Phrase phrase) {
			return anyField(phrase.scope(), (field) -> this.exact.createPhraseQuery(field, phrase.text()));
		}
		if (node instanceof QueryNode.Prefix prefix) {
			List<String> tokens = tokens(prefix.prefix());
			return anyField(prefix.scope(), (field) -> phrasePrefix(field, tokens));
		}
		if (node instanceof QueryNode.Term term) {
			return new TermQuery(new Term((term.scope() == QueryNode.Scope.SOURCE) ? SOURCE : TAGS, lower(term.value())));
		}
		if (node instanceof QueryNode.And and) {
			return bool(and.clauses(), Occur.MUST);
		}
		if (node instanceof QueryNode.Or or) {
			return bool(or.clauses(), Occur.SHOULD);
		}
		if (node instanceof QueryNode.Not not) {
			return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
				.add(compile(not.clause()), Occur.MUST_NOT)
				.build();
		}
		return new MatchAllDocsQuery();
	}

	/** A value as the keyword fields hold it. */
	public static String lower(String value) {
		return value.toLowerCase(Locale.ROOT);
	}

	private Query bool(List<QueryNode> clauses, Occur occur) {
		BooleanQuery.Builder bool = new BooleanQuery.Builder();
		boolean positive = false;
		for (QueryNode clause : clauses) {
			if (occur == Occur.MUST && clause instanceof QueryNode.Not not) {
				bool.add(compile(not.clause()), Occur.MUST_NOT);
			}
			else {
				bool.add(compile(clause), occur);
				positive = true;
			}
		}
		if (!positive) {
			bool.add(new MatchAllDocsQuery(), Occur.MUST);
		}
		return bool.build();
	}

	private Query anyField(QueryNode.Scope scope, java.util.function.Function<String, Query> perField) {
		List<String> fields = (scope == QueryNode.Scope.TITLE) ? List.of(TITLE_EXACT) : EXACT_FIELDS;
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		for (String field : fields) {
			Query query = perField.apply(field);
			if (query != null) {
				any.add(query, Occur.SHOULD);
			}
		}
		BooleanQuery built = any.build();
		return built.clauses().isEmpty() ? new MatchNoDocsQuery("no terms") : built;
	}

	private static Query phrasePrefix(String field, List<String> tokens) {
		if (tokens.isEmpty()) {
			return null;
		}
		PrefixQuery last = new PrefixQuery(new Term(field, tokens.get(tokens.size() - 1)));
		if (tokens.size() == 1) {
			return last;
		}
		List<SpanQuery> clauses = new ArrayList<>(tokens.size());
		for (String token : tokens.subList(0, tokens.size() - 1)) {
			clauses.add(new SpanTermQuery(new Term(field, token)));
		}
		clauses.add(new SpanMultiTermQueryWrapper<>(last));
		return new SpanNearQuery(clauses.toArray(SpanQuery[]::new), 0, true);
	}

	private List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = this.exactAnalyzer.tokenStream(TITLE_EXACT, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException("analysing a string cannot fail", ex);
		}
		return tokens;
	}

	private static Query orAll(Query query) {
		return (query != null) ? query : new MatchAllDocsQuery();
	}

	private static Query anyOf(String field, Collection<String> values) {
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		for (String value : values) {
			any.add(new TermQuery(new Term(field, lower(value))), Occur.SHOULD);
		}
		return any.build();
	}

}
