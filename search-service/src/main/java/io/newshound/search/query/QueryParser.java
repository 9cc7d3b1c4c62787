package io.newshound.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.newshound.search.query.QueryNode.Scope;

/**
 * A recursive-descent parser for the query language of {@code GET /api/search?q=}. Grammar, loosest binding
 * first:
 *
 * <pre>
 * query   := orExpr?                               empty: every article
 * orExpr  := andExpr (("OR" | "|" | "||") andExpr)*
 * andExpr := unary (("AND" | "&amp;&amp;")? unary)*           adjacency means AND
 * unary   := "NOT" unary | "-" primary | primary
 * primary := "(" orExpr ")" | field ":" value | phrase | prefix | word
 * value   := "(" orExpr ")" | phrase | prefix | word       no space after the colon; scopes do not nest
 * field   := "title" | "source" | "tag"                 any other "name:" is an ordinary word (re:Invent)
 * phrase  := '"' any characters but '"' '"'
 * prefix  := word-characters "*"                        at least minPrefixLength letters or digits
 * </pre>
 *
 * Operators are upper case only, so "research and development" is three words. Adjacent words of one scope
 * become one {@link QueryNode.Words} node, analysed together, so multi-word synonyms apply. Words without a
 * letter or digit ("&amp;", "—") are ignored. The parser is strict: an unclosed quote or parenthesis, a dangling
 * operator, a lone or leading {@code *}, more terms than {@code maxTerms} or deeper nesting than {@code maxDepth}
 * throw {@link QuerySyntaxException} with the position, rather than being repaired into a query the user did not
 * write. Instances are immutable and thread-safe.
 */
public final class QueryParser {

	private final int maxTerms;

	private final int maxDepth;

	private final int minPrefixLength;

	/**
	 * @param maxTerms most words, phrase words, prefixes and values a query may hold
	 * @param maxDepth deepest nesting of parentheses
	 * @param minPrefixLength fewest letters or digits before {@code *}
	 */
	public QueryParser(int maxTerms, int maxDepth, int minPrefixLength) {
		this.maxTerms = maxTerms;
		this.maxDepth = maxDepth;
		this.minPrefixLength = minPrefixLength;
	}

	/**
	 * Parses a query.
	 * @param query the user's text, never {@code null}
	 * @return the tree, {@link QueryNode.All} for an empty query
	 * @throws QuerySyntaxException when the query is malformed or too large
	 */
	public QueryNode parse(String query) {
		List<Token> tokens = new Lexer(query).tokens();
		if (tokens.isEmpty()) {
			return new QueryNode.All();
		}
		Parse parse = new Parse(tokens);
		QueryNode node = parse.orExpr(0, Scope.TEXT);
		if (!parse.atEnd()) {
			Token token = parse.peek();
			throw new QuerySyntaxException("has a ')' at position " + token.position + " that closes no '('",
					token.position);
		}
		return node;
	}

	private enum Kind {

		LPAREN, RPAREN, PHRASE, WORD, FIELD, MINUS, AND, OR, NOT

	}

	private record Token(Kind kind, String text, int position) {
	}

	/** Splits the query into tokens; quotes and field prefixes are resolved here. */
	private final class Lexer {

		private final String text;

		private final List<Token> tokens = new ArrayList<>();

		private int index;

		Lexer(String text) {
			this.text = text;
		}

		List<Token> tokens() {
			while (skipWhitespace()) {
				char c = this.text.charAt(this.index);
				int start = this.index;
				if (c == '(') {
					add(Kind.LPAREN, "(", start);
					this.index++;
				}
				else if (c == ')') {
					add(Kind.RPAREN, ")", start);
					this.index++;
				}
				else if (c == '"') {
					phrase(start);
				}
				else if (c == '-' && startsTerm(start + 1)) {
					add(Kind.MINUS, "-", start);
					this.index++;
				}
				else {
					word(start);
				}
			}
			return this.tokens;
		}

		private boolean skipWhitespace() {
			while (this.index < this.text.length() && Character.isWhitespace(this.text.charAt(this.index))) {
				this.index++;
			}
			return this.index < this.text.length();
		}

		private boolean startsTerm(int at) {
			if (at >= this.text.length()) {
				return false;
			}
			char next = this.text.charAt(at);
			return !Character.isWhitespace(next) && next != '-' && next != ')';
		}

		private void phrase(int start) {
			int end = this.text.indexOf('"', start + 1);
			if (end < 0) {
				throw new QuerySyntaxException("has a quote at position " + start
						+ " that is never closed; add the closing \" or remove it", start);
			}
			String phrase = this.text.substring(start + 1, end).strip();
			this.index = end + 1;
			if (hasWordCharacter(phrase)) {
				add(Kind.PHRASE, phrase, start);
			}
		}

		private void word(int start) {
			int end = start;
			while (end < this.text.length() && !Character.isWhitespace(this.text.charAt(end))
					&& "()\"".indexOf(this.text.charAt(end)) < 0) {
				end++;
			}
			String word = this.text.substring(start, end);
			this.index = end;
			switch (word) {
				case "AND", "&&" -> add(Kind.AND, word, start);
				case "OR", "|", "||" -> add(Kind.OR, word, start);
				case "NOT" -> add(Kind.NOT, word, start);
				default -> termOrField(word, start);
			}
		}

		private void termOrField(String word, int start) {
			int colon = word.indexOf(':');
			if (colon > 0 && scope(word.substring(0, colon)) != null) {
				add(Kind.FIELD, word.substring(0, colon).toLowerCase(Locale.ROOT), start);
				int valueStart = start + colon + 1;
				if (valueStart >= this.text.length() || Character.isWhitespace(this.text.charAt(valueStart))
						|| this.text.charAt(valueStart) == ')') {
					throw new QuerySyntaxException("has '" + word.substring(0, colon + 1) + "' at position " + start
							+ " without a value; write it with no space, like title:openai or source:\"The Verge\"",
							start);
				}
				this.index = valueStart;
				return;
			}
			int star = word.indexOf('*');
			if (star >= 0) {
				if (word.chars().allMatch((c) -> c == '*')) {
					throw new QuerySyntaxException("has '" + word + "' at position " + start
							+ ", which is not a query; leave q empty to list every article, or put letters before the *",
							start);
				}
				if (star == 0) {
					throw new QuerySyntaxException("has a leading wildcard at position " + start
							+ "; only prefixes like 'agent*' are supported", start);
				}
				if (star != word.length() - 1) {
					throw new QuerySyntaxException("has a '*' inside '" + word + "' at position " + start
							+ "; '*' is only allowed at the end of a word (prefix*)", start);
				}
			}
			if (hasWordCharacter(word)) {
				add(Kind.WORD, word, start);
			}
		}

		private void add(Kind kind, String text, int position) {
			this.tokens.add(new Token(kind, text, position));
		}

	}

	/** The recursive descent over the tokens. */
	private final class Parse {

		private final List<Token> tokens;

		private int next;

		private int terms;

		Parse(List<Token> tokens) {
			this.tokens = tokens;
		}

		boolean atEnd() {
			return this.next >= this.tokens.size();
		}

		Token peek() {
			return this.tokens.get(this.next);
		}

		private boolean peekIs(Kind kind) {
			return !atEnd() && peek().kind() == kind;
		}

		private Token take() {
			return this.tokens.get(this.next++);
		}

		QueryNode orExpr(int depth, Scope scope) {
			List<QueryNode> clauses = new ArrayList<>();
			clauses.add(andExpr(depth, scope));
			while (peekIs(Kind.OR)) {
				Token or = take();
				requireOperand(or);
				clauses.add(andExpr(depth, scope));
			}
			return (clauses.size() == 1) ? clauses.get(0) : new QueryNode.Or(clauses);
		}

		private QueryNode andExpr(int depth, Scope scope) {
			List<QueryNode> clauses = new ArrayList<>();
			clauses.add(unary(depth, scope));
			while (!atEnd()) {
				Kind kind = peek().kind();
				if (kind == Kind.AND) {
					requireOperand(take());
				}
				else if (kind == Kind.OR || kind == Kind.RPAREN) {
					break;
				}
				clauses.add(unary(depth, scope));
			}
			List<QueryNode> merged = mergeWords(clauses);
			return (merged.size() == 1) ? merged.get(0) : new QueryNode.And(merged);
		}

		/**
		 * NOT chains are read in a loop and cancel out in pairs (NOT NOT x is x): a query of a thousand NOTs
		 * overflowed the stack of the compiler and, below the length limit, nested {@code bool} queries deeper than
		 * Elasticsearch accepts (found by QueryLanguageProperties, as was a '-' whose term the lexer dropped).
		 */
		private QueryNode unary(int depth, Scope scope) {
			boolean negated = false;
			while (peekIs(Kind.NOT)) {
				requireOperand(take());
				negated = !negated;
			}
			QueryNode node;
			if (peekIs(Kind.MINUS)) {
				// its term may have been dropped by the lexer ('-""', '- &'): a syntax error, not an index out of bounds
				requireOperand(take());
				node = new QueryNode.Not(primary(depth, scope));
			}
			else {
				node = primary(depth, scope);
			}
			if (!negated) {
				return node;
			}
			return (node instanceof QueryNode.Not not) ? not.clause() : new QueryNode.Not(node);
		}

		private QueryNode primary(int depth, Scope scope) {
			Token token = take();
			return switch (token.kind()) {
				case LPAREN -> group(token, depth, scope);
				case FIELD -> field(token, depth, scope);
				case PHRASE -> phrase(token, scope);
				case WORD -> word(token, scope);
				case RPAREN -> throw new QuerySyntaxException(
						"has a ')' at position " + token.position() + " that closes no '('", token.position());
				case AND, OR -> throw new QuerySyntaxException("has '" + token.text() + "' at position "
						+ token.position() + " with nothing before it to combine", token.position());
				case NOT, MINUS -> throw new QuerySyntaxException(
						"has '" + token.text() + "' at position " + token.position() + " where a term was expected",
						token.position());
			};
		}

		private QueryNode group(Token open, int depth, Scope scope) {
			if (depth + 1 > QueryParser.this.maxDepth) {
				throw new QuerySyntaxException("nests parentheses more than " + QueryParser.this.maxDepth
						+ " deep (position " + open.position() + ")", open.position());
			}
			if (atEnd()) {
				throw unclosed(open);
			}
			if (peekIs(Kind.RPAREN)) {
				throw new QuerySyntaxException("has empty parentheses at position " + open.position(),
						open.position());
			}
			QueryNode inner = orExpr(depth + 1, scope);
			if (!peekIs(Kind.RPAREN)) {
				throw unclosed(open);
			}
			take();
			return inner;
		}

		private QuerySyntaxException unclosed(Token open) {
			return new QuerySyntaxException("has a '(' at position " + open.position()
					+ " that is never closed; add the closing ) or remove it", open.position());
		}

		private QueryNode field(Token field, int depth, Scope scope) {
			Scope inner = scope(field.text());
			if (scope != Scope.TEXT) {
				throw new QuerySyntaxException("has '" + field.text() + ":' at position " + field.position()
						+ " inside another field scope; scopes cannot be nested", field.position());
			}
			if (atEnd()) {
				throw new QuerySyntaxException(
						"has '" + field.text() + ":' at position " + field.position() + " without a value",
						field.position());
			}
			Token value = peek();
			if (value.kind() != Kind.LPAREN && value.kind() != Kind.PHRASE && value.kind() != Kind.WORD) {
				throw new QuerySyntaxException("has '" + field.text() + ":' at position " + field.position()
						+ " followed by '" + value.text() + "' instead of a value", field.position());
			}
			return primary(depth, inner);
		}

		private QueryNode phrase(Token token, Scope scope) {
			count(token.text().strip().split("\\s+").length, token);
			return switch (scope) {
				case TEXT, TITLE -> new QueryNode.Phrase(scope, token.text());
				case SOURCE, TAG -> new QueryNode.Term(scope, token.text());
			};
		}

		private QueryNode word(Token token, Scope scope) {
			count(1, token);
			String word = token.text();
			if (word.endsWith("*")) {
				String prefix = word.substring(0, word.length() - 1);
				if (scope == Scope.SOURCE || scope == Scope.TAG) {
					throw new QuerySyntaxException("has '" + word + "' at position " + token.position() + "; "
							+ scope.name().toLowerCase(Locale.ROOT) + ": takes an exact value, not a prefix",
							token.position());
				}
				long letters = prefix.codePoints().filter(Character::isLetterOrDigit).count();
				if (letters < QueryParser.this.minPrefixLength) {
					throw new QuerySyntaxException("has the prefix '" + word + "' at position " + token.position()
							+ ", which is too short: put at least " + QueryParser.this.minPrefixLength
							+ " letters before the *", token.position());
				}
				return new QueryNode.Prefix(scope, prefix);
			}
			return switch (scope) {
				case TEXT, TITLE -> new QueryNode.Words(scope, List.of(word));
				case SOURCE, TAG -> new QueryNode.Term(scope, word);
			};
		}

		private void count(int added, Token token) {
			this.terms += added;
			if (this.terms > QueryParser.this.maxTerms) {
				throw new QuerySyntaxException("has more than " + QueryParser.this.maxTerms
						+ " terms (position " + token.position() + "); shorten the query", token.position());
			}
		}

		private void requireOperand(Token operator) {
			if (atEnd() || peekIs(Kind.RPAREN) || peekIs(Kind.OR) || peekIs(Kind.AND)) {
				throw new QuerySyntaxException("has '" + operator.text() + "' at position " + operator.position()
						+ " with no term after it", operator.position());
			}
		}

	}

	/** Adjacent {@link QueryNode.Words} of one scope become one node, so that they are analysed together. */
	private static List<QueryNode> mergeWords(List<QueryNode> clauses) {
		List<QueryNode> merged = new ArrayList<>();
		for (QueryNode clause : clauses) {
			if (clause instanceof QueryNode.Words words && !merged.isEmpty()
					&& merged.get(merged.size() - 1) instanceof QueryNode.Words previous
					&& previous.scope() == words.scope()) {
				List<String> all = new ArrayList<>(previous.words());
				all.addAll(words.words());
				merged.set(merged.size() - 1, new QueryNode.Words(words.scope(), all));
			}
			else {
				merged.add(clause);
			}
		}
		return merged;
	}

	private static Scope scope(String field) {
		return switch (field.toLowerCase(Locale.ROOT)) {
			case "title" -> Scope.TITLE;
			case "source" -> Scope.SOURCE;
			case "tag" -> Scope.TAG;
			default -> null;
		};
	}

	private static boolean hasWordCharacter(String text) {
		return text.codePoints().anyMatch(Character::isLetterOrDigit);
	}

}
