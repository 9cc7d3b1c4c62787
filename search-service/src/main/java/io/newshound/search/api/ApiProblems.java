package io.newshound.search.api;

import java.net.URI;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newshound.search.SearchProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Failures of the API as RFC 9457 problem details: what was wrong, never a stack trace. */
@RestControllerAdvice
class ApiProblems {

	private static final Logger logger = LoggerFactory.getLogger(ApiProblems.class);

	private final SearchProperties properties;

	ApiProblems(SearchProperties properties) {
		this.properties = properties;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"'" + ex.getParameter() + "' " + ex.getMessage());
		problem.setTitle("Invalid request parameter");
		problem.setType(URI.create("https://newshound.io/problems/invalid-parameter"));
		problem.setProperty("parameter", ex.getParameter());
		return ResponseEntity.badRequest().body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(SearchUnavailableException ex) {
		logger.warn("Search unavailable: {}", (ex.getCause() != null) ? ex.getCause().toString() : ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The search index is unavailable; try again shortly.");
		problem.setTitle("Search unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(this.properties.retryAfter().toSeconds()))
			.body(problem);
	}

}
