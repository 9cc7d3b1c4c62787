package io.newshound.search.api;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;

/**
 * The last line: whatever failed outside the controller advice (a web filter such as the rate limiter, the
 * codecs, an unexpected error) is answered as {@code application/problem+json} through {@link ProblemResponses}
 * instead of Spring Boot's default error page or JSON, and never with a stack trace. Replaces Boot's
 * {@code DefaultErrorWebExceptionHandler}.
 */
class ProblemErrorHandler implements ErrorWebExceptionHandler, Ordered {

	private final ProblemResponses problems;

	private final ServerResponse.Context context;

	ProblemErrorHandler(ProblemResponses problems, ServerCodecConfigurer codecs) {
		this.problems = problems;
		List<HttpMessageWriter<?>> writers = codecs.getWriters();
		this.context = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return writers;
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}

		};
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		ResponseEntity<ProblemDetail> problem = this.problems.of(ex);
		ProblemDetail body = problem.getBody();
		return ServerResponse.status(problem.getStatusCode())
			.headers((headers) -> headers.addAll(problem.getHeaders()))
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(body)
			.flatMap((response) -> response.writeTo(exchange, this.context));
	}

	@Override
	public int getOrder() {
		return -2;
	}

}
