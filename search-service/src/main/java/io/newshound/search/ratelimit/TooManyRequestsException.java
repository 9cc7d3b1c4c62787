package io.newshound.search.ratelimit;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A client over its request budget; rendered as a 429 problem with {@code Retry-After} in seconds. */
class TooManyRequestsException extends ErrorResponseException {

	TooManyRequestsException(long retryAfterSeconds) {
		super(HttpStatus.TOO_MANY_REQUESTS, problem(retryAfterSeconds), null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
	}

	private static ProblemDetail problem(long retryAfterSeconds) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests from this client; try again in " + retryAfterSeconds + " s.");
		problem.setTitle("Too many requests");
		problem.setType(URI.create("https://newshound.io/problems/rate-limited"));
		problem.setProperty("retryAfterSeconds", retryAfterSeconds);
		return problem;
	}

}
