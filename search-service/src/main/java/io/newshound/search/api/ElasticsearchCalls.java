package io.newshound.search.api;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Schedulers;

import io.newshound.search.SearchProperties;

/**
 * Every Elasticsearch request of the API goes through here: the asynchronous client's future adapted with
 * {@link Mono#fromFuture} (nothing waits for it), timed per operation, and its failures sorted: unreachable, overloaded or slow ({@link SearchUnavailableException}, 503), a search
 * Elasticsearch stopped at its own time limit ({@link SearchTimedOutException}, 503: partial hits are not served),
 * an expired point in time (400 naming {@code cursor}), the rest passed on.
 *
 * <p>The future completes on one of the HTTP client's I/O threads; the result is handed over to Reactor's parallel
 * scheduler at once, so that the service's own work (turning hits into pages, the next request) never holds up
 * the client's I/O, and runs on threads that BlockHound watches in the tests.
 *
 * <p>Meters: {@code newshound.search.elasticsearch.requests} (timer, tags {@code operation} and {@code outcome}:
 * the time the service waited, network included) and {@code newshound.search.elasticsearch.took} (timer, tag
 * {@code operation}: the {@code took} Elasticsearch reports). Set beside {@code http.server.requests} they show
 * how much of a request's time Elasticsearch takes.
 */
class ElasticsearchCalls {

	private final ElasticsearchAsyncClient client;

	private final MeterRegistry meters;

	private final Duration timeout;

	ElasticsearchCalls(ElasticsearchAsyncClient client, MeterRegistry meters, Duration timeout) {
		this.client = client;
		this.meters = meters;
		this.timeout = timeout;
	}

	/**
	 * One request.
	 * @param operation the {@code operation} tag, such as {@code search}
	 * @param request starts the request on the client
	 * @return its response, or the sorted failure
	 */
	<T> Mono<T> call(String operation, Function<ElasticsearchAsyncClient, CompletableFuture<T>> request) {
		return Mono.defer(() -> {
			Timer.Sample sample = Timer.start(this.meters);
			return Mono.fromFuture(() -> request.apply(this.client))
				.publishOn(Schedulers.parallel())
				.handle((T response, SynchronousSink<T> sink) -> {
					if (response instanceof ResponseBody<?> search && search.timedOut()) {
						sink.error(new SearchTimedOutException(operation));
					}
					else {
						sink.next(response);
					}
				})
				.doFinally((signal) -> sample.stop(Timer.builder("newshound.search.elasticsearch.requests")
					.description("Time the search service waited for Elasticsearch, per request")
					.tag("operation", operation)
					.tag("outcome", (signal == SignalType.ON_COMPLETE) ? "success"
							: (signal == SignalType.CANCEL) ? "cancelled" : "error")
					.publishPercentileHistogram()
					.register(this.meters)));
		}).onErrorMap(ElasticsearchCalls::isPointInTimeMissing, (ex) -> CursorCodec.expired());
	}

	/**
	 * The {@code timeout} of every search request: how long Elasticsearch may collect before it stops and reports
	 * {@code timed_out}, which {@link #call} turns into {@link SearchTimedOutException}.
	 */
	static String searchTimeout(SearchProperties properties) {
		return properties.queryTimeout().toMillis() + "ms";
	}

	/** Records the {@code took} of a response. */
	void took(String operation, long millis) {
		Timer.builder("newshound.search.elasticsearch.took")
			.description("Time Elasticsearch reports it spent ('took'), per request")
			.tag("operation", operation)
			.publishPercentileHistogram()
			.register(this.meters)
			.record(Duration.ofMillis(millis));
	}

	/**
	 * The request timeout and the 503 mapping, applied once around everything a request does.
	 * @param work the whole request
	 * @return the same, failing with {@link SearchUnavailableException} when Elasticsearch is unreachable, overloaded
	 * or slower than the timeout
	 */
	<T> Mono<T> guarded(Mono<T> work) {
		return work.timeout(this.timeout)
			.onErrorMap(ElasticsearchCalls::isUnavailable,
					(ex) -> new SearchUnavailableException("Elasticsearch is unavailable", unwrap(ex)));
	}

	static boolean isMissingIndex(Throwable ex) {
		return unwrap(ex) instanceof ElasticsearchException es && "index_not_found_exception".equals(es.error().type());
	}

	private static boolean isPointInTimeMissing(Throwable ex) {
		if (!(unwrap(ex) instanceof ElasticsearchException es) || es.status() != 404) {
			return false;
		}
		if ("search_context_missing_exception".equals(es.error().type())) {
			return true;
		}
		for (ErrorCause cause : es.error().rootCause()) {
			if ("search_context_missing_exception".equals(cause.type())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isUnavailable(Throwable ex) {
		Throwable cause = unwrap(ex);
		return cause instanceof IOException || cause instanceof TimeoutException
				|| (cause instanceof ElasticsearchException es && (es.status() == 429 || es.status() >= 500));
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable cause = ex;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
