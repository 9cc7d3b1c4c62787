package io.newshound.search.alert.delivery.sse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

import io.newshound.events.EventJson;
import io.newshound.search.alert.AlertProperties;
import io.newshound.search.alert.delivery.MatchLog;
import io.newshound.search.alert.delivery.StreamedMatch;
import io.newshound.search.alert.subscription.Alert;
import io.newshound.search.alert.subscription.AlertAccess;
import io.newshound.search.alert.subscription.AlertRequestException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/alerts/{id}/stream}: the alert's matches as Server-Sent Events ({@code event: match}, {@code id:
 * <partition>-<offset>} of the match log, {@code data:} the match as JSON), a {@code : connected} comment once the
 * stream listens, and {@code : heartbeat} comments. With {@code Last-Event-ID} (or {@code lastEventId}), the matches
 * after that id are first replayed from the log (read on the bounded-elastic scheduler); live matches that arrive
 * meanwhile are buffered and sent after, skipping any the replay already sent, so nothing is sent twice. A client
 * too slow to keep up loses its stream and reconnects with the id it last saw.
 */
@RestController
@ConditionalOnProperty(name = "newshound.alerts.enabled", matchIfMissing = true)
class AlertStreamController {

	private static final int BUFFER = 1024;

	private final AlertAccess access;

	private final MatchLog log;

	private final Duration heartbeat;

	private final int maxReplay;

	AlertStreamController(AlertAccess access, MatchLog log, AlertProperties properties) {
		this.access = access;
		this.log = log;
		this.heartbeat = properties.heartbeat();
		this.maxReplay = properties.maxReplay();
	}

	@GetMapping(path = "/api/alerts/{id}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<String>> stream(@PathVariable String id, ServerHttpRequest request,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
			@RequestParam(name = "lastEventId", required = false) String lastEventIdParameter) {
		Alert alert = this.access.authorize(id, request);
		String lastEventId = (lastEventIdHeader != null && !lastEventIdHeader.isBlank()) ? lastEventIdHeader
				: lastEventIdParameter;
		long[] last = null;
		if (lastEventId != null && !lastEventId.isBlank()) {
			last = StreamedMatch.parseEventId(lastEventId.strip());
			if (last == null) {
				throw new AlertRequestException("Last-Event-ID", "must be the id of an event of this stream");
			}
		}
		long[] resume = last;
		return Flux.defer(() -> stream(alert.id(), resume));
	}

	private Flux<ServerSentEvent<String>> stream(String alertId, long[] resume) {
		Sinks.Many<StreamedMatch> live = Sinks.many().unicast().onBackpressureBuffer(Queues.<StreamedMatch>get(BUFFER).get());
		Runnable unregister = this.log.listen(alertId, (match) -> {
			if (live.tryEmitNext(match).isFailure()) {
				live.tryEmitError(new IllegalStateException("stream too slow; reconnect with Last-Event-ID"));
			}
		});
		AtomicLong lastPartition = new AtomicLong((resume != null) ? resume[0] : -1);
		AtomicLong lastOffset = new AtomicLong((resume != null) ? resume[1] : -1);
		Flux<StreamedMatch> replay = (resume == null) ? Flux.empty()
				: Mono.fromCallable(() -> this.log.replay(alertId, (int) resume[0], resume[1], this.maxReplay))
					.subscribeOn(Schedulers.boundedElastic())
					.flatMapIterable((List<StreamedMatch> matches) -> matches);
		Flux<ServerSentEvent<String>> matches = Flux.concat(replay, live.asFlux()).filter((match) -> {
			if (match.partition() == lastPartition.get() && match.offset() <= lastOffset.get()) {
				return false;
			}
			lastPartition.set(match.partition());
			lastOffset.set(match.offset());
			return true;
		})
			.map((match) -> ServerSentEvent.<String>builder()
				.event("match")
				.id(match.eventId())
				.data(EventJson.mapper().writeValueAsString(match.match()))
				.build());
		Flux<ServerSentEvent<String>> heartbeats = Flux.interval(this.heartbeat)
			.map((tick) -> ServerSentEvent.<String>builder().comment("heartbeat").build());
		return Flux.concat(Mono.just(ServerSentEvent.<String>builder().comment("connected").build()),
				Flux.merge(matches, heartbeats))
			.doFinally((signal) -> unregister.run());
	}

}
