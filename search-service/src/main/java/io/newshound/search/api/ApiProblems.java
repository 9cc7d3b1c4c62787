package io.newshound.search.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Failures raised while a request is dispatched (the controllers, and routing: 404, 405) as problem details,
 * through {@link ProblemResponses}. Second in order: the alert endpoints' own failures have an advice of their own,
 * which comes first.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiProblems {

	private final ProblemResponses problems;

	ApiProblems(ProblemResponses problems) {
		this.problems = problems;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> problem(Exception ex) {
		return this.problems.of(ex);
	}

}
