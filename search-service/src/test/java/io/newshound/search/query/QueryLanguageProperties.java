package io.newshound.search.query;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.ThrowingConsumer;
import io.newshound.testing.Gen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input for the query language, property-based (seeded generated cases, {@link Gen}): random Unicode,
 * operators, nested and stray brackets, stray quotes, field scopes, wildcards, long and empty queries. Whatever the text, the parser either
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
	@TestFactory
	Stream<DynamicTest> anyTextParsesOrIsRefusedWithASyntaxError() {
		return Gen.forAll(2000, hostileQueries(), (query) -> {
			try {
				QueryNode tree = this.parser.parse(query);
				assertThat(tree).isNotNull();
			}
			catch (QuerySyntaxException ex) {
				assertThat(ex.getMessage()).isNotBlank();
			}
		});
	}

	/** Every accepted query stays within the term and nesting limits and compiles to safe pieces only. */
	@TestFactory
	Stream<DynamicTest> acceptedQueriesCompileToBoundedSafeQueries() {
		return Gen.forAll(2000, hostileQueries(), this::compilesToABoundedSafeQuery);
	}

	private void compilesToABoundedSafeQuery(String query) {
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

	/**
	 * Nested brackets: deeper than the limit is refused, never a stack overflow. The edges — {@code MAX_DEPTH}
	 * balanced brackets and one more — are always tried, then 198 generated nestings.
	 */
	@TestFactory
	Stream<DynamicTest> deepNestingIsRefused() {
		ThrowingConsumer<Brackets> property = (brackets) -> {
			String query = "(".repeat(brackets.open()) + "openai" + ")".repeat(brackets.close());
			try {
				this.parser.parse(query);
				assertThat(brackets.open()).isEqualTo(brackets.close()).isLessThanOrEqualTo(MAX_DEPTH);
			}
			catch (QuerySyntaxException ex) {
				assertThat(brackets.open() > MAX_DEPTH || brackets.open() != brackets.close()).isTrue();
			}
		};
		Stream<DynamicTest> edges = Stream.of(new Brackets(MAX_DEPTH, MAX_DEPTH), new Brackets(MAX_DEPTH + 1, MAX_DEPTH + 1))
			.map((brackets) -> DynamicTest.dynamicTest("edge " + brackets, () -> property.accept(brackets)));
		return Stream.concat(edges, Gen.forAll(198, nesting(), property));
	}

	/**
	 * Opening and closing brackets up to 5,000 each; a fifth of the cases near the limit (up to twice it, both
	 * counts equal in half of those), where refusal turns on the exact counts.
	 */
	static Gen<Brackets> nesting() {
		Gen<Integer> any = Gen.integers(0, 5000);
		Gen<Integer> near = Gen.integers(0, 2 * MAX_DEPTH);
		Gen<Brackets> anyPair = (random) -> new Brackets(any.next(random), any.next(random));
		Gen<Brackets> nearPair = (random) -> new Brackets(near.next(random), near.next(random));
		Gen<Brackets> balanced = near.map((depth) -> new Brackets(depth, depth));
		return Gen.frequency(Gen.weight(8, anyPair), Gen.weight(1, nearPair), Gen.weight(1, balanced));
	}

	record Brackets(int open, int close) {
	}

	/**
	 * Texts built from the language's own pieces — operators, brackets, quotes, scopes, wildcards, including the
	 * misplaced and the unknown — mixed with random Unicode, whitespace and long runs; and wholly random text.
	 */
	static Gen<String> hostileQueries() {
		Gen<String> pieces = Gen.oneOf(
				Gen.of("AND", "OR", "NOT", "|", "||", "&&", "-", "(", ")", "\"", "*", "**", "title:", "source:",
						"tag:", "TITLE:", "url:", "body:", "_id:", "script:", "re:Invent", "openai", "anthropic",
						"agent*", "ag*", "*ai", "a*b", "?", "~", "~2", "^3", "\\", "/", "[", "]", "{", "}", "<", ">",
						"\"open weights\"", "\"\"", "\" \"", "title:\"x\"", "source:(a OR b)", "tag:(", ".*", "*.*",
						"\u0000", "\u202e", "\ud83e\udd16", "\u00e9", "e\u0301", "\u4eba\u5de5\u667a\u80fd", "\ufffd",
						"NOT NOT NOT", "- -", "-(", "--", "AND AND", "OR)", "(OR", "\t", "\n", "\u3000"),
				Gen.strings(Gen.anyChar(), 1, 12), Gen.strings(Gen.charsOf("()\"*:-|&"), 1, 20),
				Gen.strings(Gen.alphaNumeric(), 1, 15));
		Gen<String> separators = Gen.of("", " ", "  ");
		Gen<String> built = pieces.flatMap((piece) -> separators.map(piece::concat))
			.list(0, 80)
			.map((list) -> String.join("", list));
		Gen<String> repeatedPiece = Gen.of("NOT ", "(", ")", "\"", "a ", "-a ", "title:a ", "x* ", "OR a ", "NOT (");
		Gen<Integer> times = Gen.integers(1, 3000);
		Gen<String> repeated = (random) -> repeatedPiece.next(random).repeat(times.next(random)) + "openai";
		return Gen.frequency(Gen.weight(6, built), Gen.weight(2, Gen.strings(Gen.anyChar(), 0, 300)),
				Gen.weight(2, repeated));
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
