package io.newshound.crawler.fetch;

/** How a fetch ended. Every expected outcome is one of these; exceptions are for the unexpected. */
public enum FetchStatus {

	/** A 2xx answer of an accepted type, body read within the size limit. */
	FETCHED,

	/** A 304 answer to a conditional request: what we have is current. */
	NOT_MODIFIED,

	/** robots.txt does not allow the URL (or the host asks for a larger crawl-delay than we accept). */
	DISALLOWED,

	/** The body (after decompression) or its announced length exceeds the limit. */
	TOO_LARGE,

	/** The host resolves to an address the source may not reach. */
	BLOCKED_ADDRESS,

	/** A non-2xx, non-3xx, non-304 answer (after retries for 429 and 5xx). */
	HTTP_ERROR,

	/** More redirects than allowed, or a redirect loop. */
	REDIRECT_LIMIT,

	/** A content type or content encoding that the request does not accept, or a non-http(s) URL. */
	UNSUPPORTED_TYPE,

	/** No answer: unknown host, connection refused, timeout, reset, host busy for too long. */
	IO_ERROR,

	/**
	 * Not requested: the host (the URL's, or a redirect's) belongs to another crawler instance, so
	 * that instance does the work. Not an error of the site.
	 */
	NOT_OWNED;

	/** Whether this outcome is an error worth reporting on the source. */
	public boolean isError() {
		return this != FETCHED && this != NOT_MODIFIED && this != NOT_OWNED;
	}

	/** The status of a final (non-redirect) HTTP answer. */
	public static FetchStatus fromHttpCode(int code) {
		if (code == 304) {
			return NOT_MODIFIED;
		}
		return (code >= 200 && code < 300) ? FETCHED : HTTP_ERROR;
	}

}
