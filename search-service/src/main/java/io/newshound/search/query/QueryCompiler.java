package io.newshound.search.query;

import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.CombinedFieldsOperator;
import co.elastic.clients.elasticsearch._types.query_dsl.CombinedFieldsZeroTerms;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch._types.query_dsl.ZeroTermsQuery;

/**
 * Turns a {@link QueryNode} tree into Elasticsearch query DSL made of a few safe pieces only, never a query
 * string that Elasticsearch would parse again:
 *
 * <ul>
 * <li>words: {@code combined_fields} over {@code title}, {@code summary}, {@code body} (BM25F, title and summary
 * boosted, every word required), or {@code match} on {@code title} for {@code title:}; the text goes whole to the
 * search analyzer, so stemming and multi-word synonyms apply;</li>
 * <li>phrases: {@code match_phrase} on the {@code .exact} sub-fields (no stemming, no synonyms);</li>
 * <li>prefixes: {@code match_phrase_prefix} on the {@code .exact} sub-fields, at most {@code maxExpansions}
 * terms;</li>
 * <li>{@code source:} and {@code tag:}: case-insensitive {@code term} on the keyword fields;</li>
 * <li>AND, OR, NOT: {@code bool} must, should (at least one), must_not.</li>
 * </ul>
 *
 * No regular expression, wildcard, fuzzy or script query is ever produced.
 */
public final class QueryCompiler {

	private final List<String> textFields;

	private final List<String> exactFields;

	private final int maxExpansions;

	/**
	 * @param titleBoost weight of the title against the body (1 = equal)
	 * @param summaryBoost weight of the summary against the body
	 * @param maxExpansions most terms a prefix expands to
	 */
	public QueryCompiler(double titleBoost, double summaryBoost, int maxExpansions) {
		this.textFields = List.of("title^" + titleBoost, "summary^" + summaryBoost, "body");
		this.exactFields = List.of("title.exact^" + titleBoost, "summary.exact^" + summaryBoost, "body.exact");
		this.maxExpansions = maxExpansions;
	}

	/**
	 * Compiles a tree.
	 * @param node the parsed query
	 * @return the Elasticsearch query
	 */
	public Query compile(QueryNode node) {
		if (node instanceof QueryNode.Words words) {
			return words(words);
		}
		if (node instanceof QueryNode.Phrase phrase) {
			return phrase(phrase);
		}
		if (node instanceof QueryNode.Prefix prefix) {
			return prefix(prefix);
		}
		if (node instanceof QueryNode.Term term) {
			return term(term);
		}
		if (node instanceof QueryNode.And and) {
			return and(and);
		}
		if (node instanceof QueryNode.Or or) {
			return Query.of((q) -> q.bool((b) -> b.should(compileAll(or.clauses())).minimumShouldMatch("1")));
		}
		if (node instanceof QueryNode.Not not) {
			return Query.of((q) -> q.bool((b) -> b.mustNot(compile(not.clause()))));
		}
		return Query.of((q) -> q.matchAll((m) -> m));
	}

	private Query words(QueryNode.Words words) {
		if (words.scope() == QueryNode.Scope.TITLE) {
			return Query.of((q) -> q.match((m) -> m.field("title")
				.query(words.text())
				.operator(Operator.And)
				.zeroTermsQuery(ZeroTermsQuery.All)));
		}
		return Query.of((q) -> q.combinedFields((c) -> c.query(words.text())
			.fields(this.textFields)
			.operator(CombinedFieldsOperator.And)
			.zeroTermsQuery(CombinedFieldsZeroTerms.All)));
	}

	private Query phrase(QueryNode.Phrase phrase) {
		if (phrase.scope() == QueryNode.Scope.TITLE) {
			return Query.of((q) -> q.matchPhrase((m) -> m.field("title.exact").query(phrase.text())));
		}
		return Query.of((q) -> q.multiMatch((m) -> m.query(phrase.text()).type(TextQueryType.Phrase).fields(this.exactFields)));
	}

	private Query prefix(QueryNode.Prefix prefix) {
		if (prefix.scope() == QueryNode.Scope.TITLE) {
			return Query.of((q) -> q.matchPhrasePrefix(
					(m) -> m.field("title.exact").query(prefix.prefix()).maxExpansions(this.maxExpansions)));
		}
		return Query.of((q) -> q.multiMatch((m) -> m.query(prefix.prefix())
			.type(TextQueryType.PhrasePrefix)
			.fields(this.exactFields)
			.maxExpansions(this.maxExpansions)));
	}

	private static Query term(QueryNode.Term term) {
		String field = (term.scope() == QueryNode.Scope.SOURCE) ? "source" : "tags";
		return Query.of((q) -> q.term((t) -> t.field(field).value(term.value()).caseInsensitive(true)));
	}

	private Query and(QueryNode.And and) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		for (QueryNode clause : and.clauses()) {
			if (clause instanceof QueryNode.Not not) {
				bool.mustNot(compile(not.clause()));
			}
			else {
				bool.must(compile(clause));
			}
		}
		return Query.of((q) -> q.bool(bool.build()));
	}

	private List<Query> compileAll(List<QueryNode> nodes) {
		List<Query> queries = new ArrayList<>(nodes.size());
		for (QueryNode node : nodes) {
			queries.add(compile(node));
		}
		return queries;
	}

}
