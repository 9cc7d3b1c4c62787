package io.newshound.crawler.fetch;

/**
 * HTTP validators of a fetched representation, sent back as {@code If-None-Match} and
 * {@code If-Modified-Since} to make the next request conditional. Either may be {@code null}.
 */
public record Validators(String etag, String lastModified) {

	public static final Validators NONE = new Validators(null, null);

	public boolean isEmpty() {
		return this.etag == null && this.lastModified == null;
	}

}
