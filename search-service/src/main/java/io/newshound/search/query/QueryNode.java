package io.newshound.search.query;

import java.util.List;

/**
 * The syntax tree of a user query, as {@link QueryParser} builds it and {@link QueryCompiler} turns it into
 * Elasticsearch query DSL. Every leaf says which {@link Scope} it searches.
 */
public sealed interface QueryNode {

	/** Where a leaf looks: the article's text, its title only, or the keyword fields behind {@code source:} and {@code tag:}. */
	enum Scope {

		/** Title, summary and body (analysed, title boosted). */
		TEXT,

		/** {@code title:} the title only. */
		TITLE,

		/** {@code source:} the exact source name (case-insensitive). */
		SOURCE,

		/** {@code tag:} an exact tag (case-insensitive). */
		TAG

	}

	/**
	 * Words that must all match, analysed together so that multi-word synonyms ("large language models" for
	 * "LLMs") and stemming apply. Adjacent words of one scope are merged into one node by the parser.
	 */
	record Words(Scope scope, List<String> words) implements QueryNode {

		public Words {
			words = List.copyOf(words);
		}

		public String text() {
			return String.join(" ", this.words);
		}

	}

	/** A quoted phrase: the words in this order, without stemming or synonyms. */
	record Phrase(Scope scope, String text) implements QueryNode {
	}

	/** {@code prefix*}: a word starting with {@code prefix} (at least the configured number of characters). */
	record Prefix(Scope scope, String prefix) implements QueryNode {
	}

	/** An exact keyword value, from {@code source:} or {@code tag:}. */
	record Term(Scope scope, String value) implements QueryNode {
	}

	/** Every clause must match ({@code a b}, {@code a AND b}). */
	record And(List<QueryNode> clauses) implements QueryNode {

		public And {
			clauses = List.copyOf(clauses);
		}

	}

	/** At least one clause must match ({@code a OR b}, {@code a | b}). */
	record Or(List<QueryNode> clauses) implements QueryNode {

		public Or {
			clauses = List.copyOf(clauses);
		}

	}

	/** The clause must not match ({@code NOT a}, {@code -a}). */
	record Not(QueryNode clause) implements QueryNode {
	}

	/** The empty query: every article. */
	record All() implements QueryNode {
	}

}
