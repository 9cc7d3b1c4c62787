package io.newshound.search.query;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.newshound.search.query.QueryNode.And;
import io.newshound.search.query.QueryNode.Not;
import io.newshound.search.query.QueryNode.Or;
import io.newshound.search.query.QueryNode.Phrase;
import io.newshound.search.query.QueryNode.Prefix;
import io.newshound.search.query.QueryNode.Scope;
import io.newshound.search.query.QueryNode.Term;
import io.newshound.search.query.QueryNode.Words;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The query language: what each construct parses to, and the message for each malformed query. */
class QueryParserTests {

	private final QueryParser parser = new QueryParser(32, 8, 3);

	@Test
	void emptyQueryIsEveryArticle() {
		assertThat(this.parser.parse("   ")).isEqualTo(new QueryNode.All());
	}

	/** Adjacent words stay one node, so "large language models" reaches the synonym filter whole. */
	@Test
	void adjacentWordsAreAnalysedTogether() {
		assertThat(this.parser.parse("large language models")).isEqualTo(words("large", "language", "models"));
	}

	@Test
	void phrasesPrefixesAndExclusions() {
		assertThat(this.parser.parse("\"open weights\" agent* -claude")).isEqualTo(new And(List.of(
				new Phrase(Scope.TEXT, "open weights"), new Prefix(Scope.TEXT, "agent"), new Not(words("claude")))));
	}

	@Test
	void andBindsTighterThanOr() {
		assertThat(this.parser.parse("openai OR anthropic claude | mistral")).isEqualTo(
				new Or(List.of(words("openai"), words("anthropic", "claude"), words("mistral"))));
	}

	@Test
	void explicitOperatorsAndGrouping() {
		assertThat(this.parser.parse("(nvidia OR amd) AND NOT earnings")).isEqualTo(new And(
				List.of(new Or(List.of(words("nvidia"), words("amd"))), new Not(words("earnings")))));
	}

	@Test
	void lowerCaseOperatorsAreWords() {
		assertThat(this.parser.parse("research and development or not")).isEqualTo(
				words("research", "and", "development", "or", "not"));
	}

	@Test
	void fieldScopes() {
		assertThat(this.parser.parse("title:nvidia source:\"Neural Wire\" tag:chips")).isEqualTo(new And(List.of(
				new Words(Scope.TITLE, List.of("nvidia")), new Term(Scope.SOURCE, "Neural Wire"),
				new Term(Scope.TAG, "chips"))));
	}

	@Test
	void fieldScopeOverAGroup() {
		assertThat(this.parser.parse("title:(gpu OR \"data center\" chip*)")).isEqualTo(new Or(List.of(
				new Words(Scope.TITLE, List.of("gpu")),
				new And(List.of(new Phrase(Scope.TITLE, "data center"), new Prefix(Scope.TITLE, "chip"))))));
	}

	/** AWS re:Invent and URLs are words, not unknown fields. */
	@Test
	void unknownFieldNamesAreWords() {
		assertThat(this.parser.parse("re:Invent keynote")).isEqualTo(words("re:Invent", "keynote"));
	}

	@Test
	void hyphenatedWordsAreNotExclusions() {
		assertThat(this.parser.parse("gpt-4o open-weight")).isEqualTo(words("gpt-4o", "open-weight"));
	}

	@Test
	void punctuationAloneIsIgnored() {
		assertThat(this.parser.parse("Microsoft & OpenAI — deal")).isEqualTo(words("Microsoft", "OpenAI", "deal"));
	}

	@ParameterizedTest(name = "[{0}] → {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', value = { "\"open weights|quote at position 0 that is never closed",
			"(nvidia OR amd|'(' at position 0 that is never closed", "nvidia)|')' at position 6 that closes no '('",
			"*|'*' at position 0, which is not a query", "*ai|leading wildcard at position 0",
			"op*nai|'*' inside 'op*nai'", "ag*|too short: put at least 3 letters", "openai AND|'AND' at position 7 with no term after it",
			"OR openai|'OR' at position 0 with nothing before it", "NOT|'NOT' at position 0 with no term after it",
			"()|empty parentheses at position 0", "title: openai|'title:' at position 0 without a value",
			"source:Reuters*|source: takes an exact value", "title:(source:x)|scopes cannot be nested",
			"((((((((((deep))))))))))|nests parentheses more than 8 deep" })
	void malformedQueriesSayWhatAndWhere(String query, String message) {
		assertThatExceptionOfType(QuerySyntaxException.class).isThrownBy(() -> this.parser.parse(query))
			.withMessageContaining(message);
	}

	@Test
	void termCountIsBounded() {
		String query = "word ".repeat(33);
		assertThatExceptionOfType(QuerySyntaxException.class).isThrownBy(() -> this.parser.parse(query))
			.withMessageContaining("more than 32 terms");
	}

	/**
	 * Regression (issue 9, found by QueryLanguageProperties): a chain of NOTs nested one node per NOT, so a thousand
	 * overflowed the compiler's stack and a hundred, within the length limit, nested bool queries deeper than
	 * Elasticsearch accepts. NOTs now cancel out in pairs.
	 */
	@Test
	void notChainsCancelOutInPairs() {
		assertThat(this.parser.parse("NOT NOT openai")).isEqualTo(words("openai"));
		assertThat(this.parser.parse("NOT -openai")).isEqualTo(words("openai"));
		assertThat(this.parser.parse("NOT ".repeat(5001) + "openai")).isEqualTo(new Not(words("openai")));
	}

	/**
	 * Regression (issue 9, found by QueryLanguageProperties): a '-' whose term the lexer drops (an empty phrase,
	 * punctuation) read past the last token, an IndexOutOfBoundsException and so a 500 from the API.
	 */
	@Test
	void aMinusWithoutATermIsASyntaxError() {
		assertThatExceptionOfType(QuerySyntaxException.class).isThrownBy(() -> this.parser.parse("-\"\""))
			.withMessageContaining("'-' at position 0 with no term after it");
		assertThatExceptionOfType(QuerySyntaxException.class).isThrownBy(() -> this.parser.parse("openai -\"((\""));
	}

	private static Words words(String... words) {
		return new Words(Scope.TEXT, List.of(words));
	}

}
