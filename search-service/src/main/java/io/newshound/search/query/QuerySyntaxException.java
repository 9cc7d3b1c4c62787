package io.newshound.search.query;

/**
 * A user query that {@link QueryParser} cannot accept: unbalanced quotes or parentheses, a dangling operator, a
 * leading wildcard, too many terms. The message says what and where, for the user to read.
 */
public class QuerySyntaxException extends RuntimeException {

	private final int position;

	QuerySyntaxException(String message, int position) {
		super(message);
		this.position = position;
	}

	/** The character offset in the query where the problem was found (0-based), or -1 for the query as a whole. */
	public int getPosition() {
		return this.position;
	}

}
