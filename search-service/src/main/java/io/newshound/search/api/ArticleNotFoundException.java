package io.newshound.search.api;

/** No article has the requested id; answered 404. */
class ArticleNotFoundException extends RuntimeException {

	private final String id;

	ArticleNotFoundException(String id) {
		super("No article has the id '" + id + "'");
		this.id = id;
	}

	String getId() {
		return this.id;
	}

}
