package io.newshound.search.query;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input for the query language, property-based (jqwik): random Unicode, operators, nested and stray
 * brackets, stray quotes, field scopes, wildcards, long and empty queries. Whatever the text, the parser either
 * gives a tree within its limits or throws {@link QuerySyntaxException}; and whatever tree it gives, the compiled
 * Elasticsearch query is made of the safe pieces only — no regular expression, wildcard, fuzzy, script or query
 * string query, prefixes of at least three letters with bounded expansion — so that no query can pin a core.
 * The limits are checked on the structure, not by the clock.
 */
class QueryLanguageProperties {

	private static final int MAX_TERMS = 32;

	private static final int MAX_DEPTH = 8;

	private static final int MIN_PREFIX = 3;

	private static final int MAX_EXPANSIONS = 50;

	/** Query types that can cost time out of proportion to the text, or run code; never to be produced. */
	private static final List<String> FORBIDDEN = List.of("regexp", "wildcard", "fuzzy", "script", "query_string",
			"simple_query_string", "more_like_this", "span_multi", "intervals");

	private static final Pattern MAX_EXPANSIONS_VALUE = Pattern.compile("\"max_expansions\":(\\d+)");

	private final QueryParser parser = new QueryParser(MAX_TERMS, MAX_DEPTH, MIN_PREFIX);

	private final QueryCompiler compiler = new QueryCompiler(3.0, 1.5, MAX_EXPANSIONS);

	/** Any text: a tree or a {@link QuerySyntaxException}, never another exception. */
	@Property(tries = 2000)
	void anyTextParsesOrIsRefusedWithASyntaxError(@ForAll("hostileQueries") String query) {
		try {
			QueryNode tree = this.parser.parse(query);
			assertThat(tree).isNotNull();
		}
		catch (QuerySyntaxException ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
	}

	/** Every accepted query stays within the term and nesting limits and compiles to safe pieces only. */
	@Property(tries = 2000)
	void acceptedQueriesCompileToBoundedSafeQueries(@ForAll("hostileQueries") String query) {
		QueryNode tree;
		try {
			tree = this.parser.parse(query);
		}
		catch (QuerySyntaxException ex) {
			return;
		}
		assertThat(terms(tree)).as("terms of %s", tree).isLessThanOrEqualTo(MAX_TERMS);
		assertPrefixesSafe(tree);
		String json = this.compiler.compile(tree).toString();
		for (String forbidden : FORBIDDEN) {
			assertThat(json).as("compiled %s", query).doesNotContain("\"" + forbidden + "\"");
		}
		if (json.contains("phrase_prefix")) {
			Matcher matcher = MAX_EXPANSIONS_VALUE.matcher(json);
			assertThat(matcher.find()).as("a prefix query bounds its expansions: %s", json).isTrue();
			do {
				assertThat(Integer.parseInt(matcher.group(1))).isLessThanOrEqualTo(MAX_EXPANSIONS);
			}
			while (matcher.find());
		}
		assertThat(boolDepth(this.compiler.compile(tree))).as("bool nesting of %s", query)
			.isLessThanOrEqualTo(Limits.MAX_BOOL_DEPTH);
	}

	/** Nested brackets: deeper than the limit is refused, never a stack overflow. */
	@Property(tries = 200)
	void deepNestingIsRefused(@ForAll("nesting") Tuple.Tuple2<Integer, Integer> brackets) {
		String query = "(".repeat(brackets.get1()) + "openai" + ")".repeat(brackets.get2());
		try {
			this.parser.parse(query);
			assertThat(brackets.get1()).isEqualTo(brackets.get2()).isLessThanOrEqualTo(MAX_DEPTH);
		}
		catch (QuerySyntaxException ex) {
			assertThat(brackets.get1() > MAX_DEPTH || !brackets.get1().equals(brackets.get2())).isTrue();
		}
	}

	@Provide
	Arbitrary<Tuple.Tuple2<Integer, Integer>> nesting() {
		return Combinators.combine(Arbitraries.integers().between(0, 5000), Arbitraries.integers().between(0, 5000))
			.as(Tuple::of)
			.edgeCases((edges) -> edges.add(Tuple.of(MAX_DEPTH, MAX_DEPTH)).add(Tuple.of(MAX_DEPTH + 1, MAX_DEPTH + 1)));
	}

	/**
	 * Texts built from the language's own pieces — operators, brackets, quotes, scopes, wildcards, including the
	 * misplaced and the unknown — mixed with random Unicode, whitespace and long runs; and wholly random text.
	 */
	@Provide
	static Arbitrary<String> hostileQueries() {
		Arbitrary<String> pieces = Arbitraries.oneOf(
				Arbitraries.of("AND", "OR", "NOT", "|", "||", "&&", "-", "(", ")", "\"", "*", "**", "title:", "source:",
						"tag:", "TITLE:", "url:", "body:", "_id:", "script:", "re:Invent", "openai", "anthropic",
						"agent*", "ag*", "*ai", "a*b", "?", "~", "~2", "^3", "\\", "/", "[", "]", "{", "}", "<", ">",
						"\"open weights\"", "\"\"", "\" \"", "title:\"x\"", "source:(a OR b)", "tag:(", ".*", "*.*",
						"\u0000", "\u202e", "\ud83e\udd16", "\u00e9", "e\u0301", "\u4eba\u5de5\u667a\u80fd", "\ufffd",
						"NOT NOT NOT", "- -", "-(", "--", "AND AND", "OR)", "(OR", "\t", "\n", "\u3000"),
				Arbitraries.strings().all().ofMinLength(1).ofMaxLength(12),
				Arbitraries.strings().withChars("()\"*:-|&").ofMinLength(1).ofMaxLength(20),
				Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(15));
		Arbitrary<String> built = pieces.list()
			.ofMaxSize(80)
			.flatMap((list) -> Arbitraries.of("", " ", "  ").list().ofSize(list.size()).map((separators) -> {
				StringBuilder text = new StringBuilder();
				for (int i = 0; i < list.size(); i++) {
					text.append(list.get(i)).append(separators.get(i));
				}
				return text.toString();
			}));
		Arbitrary<String> repeated = Combinators
			.combine(Arbitraries.of("NOT ", "(", ")", "\"", "a ", "-a ", "title:a ", "x* ", "OR a ", "NOT ("),
					Arbitraries.integers().between(1, 3000))
			.as((piece, times) -> piece.repeat(times) + "openai");
		return Arbitraries.frequencyOf(Tuple.of(6, built), Tuple.of(2, Arbitraries.strings().all().ofMaxLength(300)),
				Tuple.of(2, repeated));
	}

	private static int terms(QueryNode node) {
		if (node instanceof QueryNode.Words words) {
			return words.words().size();
		}
		if (node instanceof QueryNode.Phrase || node instanceof QueryNode.Prefix || node instanceof QueryNode.Term) {
			return 1;
		}
		if (node instanceof QueryNode.And and) {
			return and.clauses().stream().mapToInt(QueryLanguageProperties::terms).sum();
		}
		if (node instanceof QueryNode.Or or) {
			return or.clauses().stream().mapToInt(QueryLanguageProperties::terms).sum();
		}
		if (node instanceof QueryNode.Not not) {
			return terms(not.clause());
		}
		return 0;
	}

	private static void assertPrefixesSafe(QueryNode node) {
		if (node instanceof QueryNode.Prefix prefix) {
			assertThat(prefix.prefix()).doesNotContain("*");
			assertThat(prefix.prefix().codePoints().filter(Character::isLetterOrDigit).count())
				.as("letters before * in %s", prefix).isGreaterThanOrEqualTo(MIN_PREFIX);
		}
		else if (node instanceof QueryNode.And and) {
			and.clauses().forEach(QueryLanguageProperties::assertPrefixesSafe);
		}
		else if (node instanceof QueryNode.Or or) {
			or.clauses().forEach(QueryLanguageProperties::assertPrefixesSafe);
		}
		else if (node instanceof QueryNode.Not not) {
			assertPrefixesSafe(not.clause());
		}
	}

	/** How deep {@code bool} queries nest; Elasticsearch refuses more than 20 by default. */
	private static int boolDepth(Query query) {
		if (!query.isBool()) {
			return 0;
		}
		int deepest = 0;
		for (List<Query> clauses : List.of(query.bool().must(), query.bool().should(), query.bool().mustNot(),
				query.bool().filter())) {
			for (Query clause : clauses) {
				deepest = Math.max(deepest, boolDepth(clause));
			}
		}
		return 1 + deepest;
	}

	/** Limits that hold whatever the text. */
	static final class Limits {

		/** Elasticsearch's {@code indices.query.bool.max_nested_depth} default. */
		static final int MAX_BOOL_DEPTH = 20;

		private Limits() {
		}

	}

}
