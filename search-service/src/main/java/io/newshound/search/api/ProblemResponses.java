package io.newshound.search.api;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newshound.search.SearchProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;

/**
 * Every failure of the service as an RFC 9457 problem detail: what was wrong, never a stack trace. One mapping
 * for the controller advice ({@link ApiProblems}) and for failures outside the controllers
 * ({@link ProblemErrorHandler}: unknown routes, wrong methods, the rate limiter, anything unexpected).
 */
class ProblemResponses {

	private static final Logger logger = LoggerFactory.getLogger(ProblemResponses.class);

	static final URI INVALID_PARAMETER = URI.create("https://newshound.io/problems/invalid-parameter");

	private final SearchProperties properties;

	ProblemResponses(SearchProperties properties) {
		this.properties = properties;
	}

	ResponseEntity<ProblemDetail> of(Throwable ex) {
		if (ex instanceof InvalidParameterException invalid) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					"'" + invalid.getParameter() + "' " + invalid.getMessage());
			problem.setTitle("Invalid request parameter");
			problem.setType(INVALID_PARAMETER);
			problem.setProperty("parameter", invalid.getParameter());
			return ResponseEntity.badRequest().body(problem);
		}
		if (ex instanceof ArticleNotFoundException missing) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, missing.getMessage());
			problem.setTitle("Article not found");
			problem.setProperty("id", missing.getId());
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
		}
		if (ex instanceof SearchTimedOutException timedOut) {
			logger.warn("Search timed out in Elasticsearch: {}", timedOut.getMessage());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"The search took longer than the index allows (" + this.properties.queryTimeout().toMillis()
							+ " ms) and was stopped; narrow the query (fewer words, a date range, a source) or try again shortly.");
			problem.setTitle("Search timed out");
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, this.properties.retryAfter().toSeconds())))
				.body(problem);
		}
		if (ex instanceof SearchUnavailableException) {
			logger.warn("Search unavailable: {}", (ex.getCause() != null) ? ex.getCause().toString() : ex.getMessage());
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
					"The search index is unavailable; try again shortly.");
			problem.setTitle("Search unavailable");
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, this.properties.retryAfter().toSeconds())))
				.body(problem);
		}
		if (ex instanceof ErrorResponse response) {
			HttpStatusCode status = response.getStatusCode();
			ProblemDetail body = response.getBody();
			ProblemDetail problem = ProblemDetail.forStatus(status);
			problem.setTitle(body.getTitle());
			problem.setType(body.getType());
			problem.setDetail(detail(status, body.getDetail()));
			if (body.getProperties() != null) {
				body.getProperties().forEach(problem::setProperty);
			}
			if (status.is5xxServerError()) {
				logger.error("Request failed", ex);
			}
			return ResponseEntity.status(status).headers(response.getHeaders()).body(problem);
		}
		logger.error("Request failed", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The search service failed to answer; the failure was logged.");
		problem.setTitle("Internal error");
		return ResponseEntity.internalServerError().body(problem);
	}

	/** Spring's own details can name internals (handler methods, codecs); those of 4xx about the request are kept. */
	private static String detail(HttpStatusCode status, String detail) {
		if (status.value() == HttpStatus.NOT_FOUND.value()) {
			return "No such resource; the API is under /api/ (see /v3/api-docs).";
		}
		if (status.is5xxServerError() || detail == null) {
			return (status instanceof HttpStatus known) ? known.getReasonPhrase() : "Request failed";
		}
		return detail;
	}

}
