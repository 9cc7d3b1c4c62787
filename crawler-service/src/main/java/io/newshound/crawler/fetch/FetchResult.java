package io.newshound.crawler.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * How a fetch ended, and what it brought.
 *
 * @param status the outcome
 * @param url the URL requested
 * @param finalUrl the URL after redirects (the one that answered, or was refused)
 * @param httpStatus the last HTTP status code, or {@code 0} when no answer came
 * @param mediaType the answer's media type without parameters, lower case, or {@code null}
 * @param charset the charset the answer declared, or {@code null}
 * @param body the decoded body for {@link FetchStatus#FETCHED}, otherwise empty; never {@code null}
 * @param validators validators of the answer, {@link Validators#NONE} when it had none
 * @param detail why it was not fetched, in words for a log line, or {@code null}
 * @param retryAfter how long the server asked us to wait ({@code Retry-After}), or {@code null}
 */
public record FetchResult(FetchStatus status, URI url, URI finalUrl, int httpStatus, String mediaType, String charset,
		byte[] body, Validators validators, String detail, Duration retryAfter) {

	private static final byte[] EMPTY = new byte[0];

	public FetchResult {
		body = (body != null) ? body : EMPTY;
		validators = (validators != null) ? validators : Validators.NONE;
	}

	static FetchResult failure(FetchStatus status, URI url, URI finalUrl, int httpStatus, String detail) {
		return new FetchResult(status, url, finalUrl, httpStatus, null, null, null, null, detail, null);
	}

	public boolean isFetched() {
		return this.status == FetchStatus.FETCHED;
	}

	/** One line for a log or a source's last error, like {@code HTTP_ERROR 503 https://…: Service Unavailable}. */
	public String describe() {
		StringBuilder text = new StringBuilder(this.status.name());
		if (this.httpStatus != 0 && this.status != FetchStatus.FETCHED) {
			text.append(' ').append(this.httpStatus);
		}
		text.append(' ').append(this.finalUrl);
		if (this.detail != null) {
			text.append(": ").append(this.detail);
		}
		return text.toString();
	}

}
