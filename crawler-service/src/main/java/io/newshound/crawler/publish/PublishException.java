package io.newshound.crawler.publish;

/** An article the broker did not acknowledge; it stays unpublished and is tried again on a later poll. */
public class PublishException extends Exception {

	private final String articleId;

	private final String url;

	public PublishException(String articleId, String url, String reason, Throwable cause) {
		super("article " + articleId + " (" + url + ") not published: " + reason, cause);
		this.articleId = articleId;
		this.url = url;
	}

	public String articleId() {
		return this.articleId;
	}

	public String url() {
		return this.url;
	}

}
