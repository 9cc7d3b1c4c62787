package io.newshound.search.alert.subscription;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newshound.events.EventJson;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problem details (RFC 9457) of the alert endpoints' own failures, written as bytes: the 404 of an unknown id and
 * of a wrong or missing token is one constant body with the same headers, so that nothing tells them apart (Spring
 * would otherwise add the request path as {@code instance}). Ordered before the API's handler of every other failure
 * ({@code ApiProblems}), which the alert endpoints share.
 */
@RestControllerAdvice(basePackages = "io.newshound.search.alert")
@Order(Ordered.HIGHEST_PRECEDENCE)
class AlertProblems {

	private static final Logger logger = LoggerFactory.getLogger(AlertProblems.class);

	private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	private static final byte[] NOT_FOUND = json(problem(HttpStatus.NOT_FOUND, "Alert not found",
			"No alert with this id and token. The token is the one returned when the alert was created, sent as "
					+ "'Authorization: Bearer <token>' or '?token=<token>'."));

	@ExceptionHandler
	ResponseEntity<byte[]> notFound(AlertNotFoundException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(PROBLEM).body(NOT_FOUND);
	}

	@ExceptionHandler
	ResponseEntity<byte[]> invalid(AlertRequestException ex) {
		Map<String, Object> problem = problem(HttpStatus.BAD_REQUEST, "Invalid alert request",
				"'" + ex.getField() + "' " + ex.getMessage());
		problem.put("type", "https://newshound.io/problems/invalid-parameter");
		problem.put("parameter", ex.getField());
		return ResponseEntity.badRequest().contentType(PROBLEM).body(json(problem));
	}

	@ExceptionHandler
	ResponseEntity<byte[]> unavailable(AlertsUnavailableException ex) {
		logger.warn("Alerts unavailable: {}", (ex.getCause() != null) ? ex.getCause().toString() : ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.contentType(PROBLEM)
			.body(json(problem(HttpStatus.SERVICE_UNAVAILABLE, "Alerts unavailable", ex.getMessage())));
	}

	@ExceptionHandler
	ResponseEntity<byte[]> tooMany(AlertController.TooManyAlertsException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.contentType(PROBLEM)
			.body(json(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many alerts", ex.getMessage())));
	}

	private static Map<String, Object> problem(HttpStatus status, String title, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		return problem;
	}

	private static byte[] json(Map<String, Object> problem) {
		return EventJson.mapper().writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
	}

}
