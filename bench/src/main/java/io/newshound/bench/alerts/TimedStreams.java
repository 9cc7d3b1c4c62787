package io.newshound.bench.alerts;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.newshound.events.EventJson;
import io.newshound.search.alert.delivery.AlertMatch;

/**
 * The SSE streams of the timed alerts, open together: every match they receive, with the time it arrived, in
 * arrival order; and how many of them were for the measured articles, to know when all expected arrived.
 */
final class TimedStreams implements AutoCloseable {

	/** A match as received, at {@link System#nanoTime()} {@code nanos}. */
	record Received(AlertMatch match, long nanos) {
	}

	private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();

	private final AtomicLong receivedMeasured = new AtomicLong();

	private final Set<String> unreadable = ConcurrentHashMap.newKeySet();

	private final List<AlertStream> streams = new ArrayList<>();

	/**
	 * Connects to each alert's stream and waits until each listens.
	 * @param measured the ids of the articles whose matches {@link #receivedMeasured()} counts
	 */
	TimedStreams(HttpClient http, String baseUrl, List<AlertApi.Created> alerts, Set<String> measured) {
		try {
			for (AlertApi.Created alert : alerts) {
				this.streams.add(new AlertStream(http, baseUrl, alert.id(), alert.token(), (data, nanos) -> {
					try {
						AlertMatch match = EventJson.read(data.getBytes(StandardCharsets.UTF_8), AlertMatch.class);
						this.received.add(new Received(match, nanos));
						if (measured.contains(match.articleId())) {
							this.receivedMeasured.incrementAndGet();
						}
					}
					catch (RuntimeException ex) {
						this.unreadable.add(ex.getMessage());
					}
				}));
			}
			this.streams.forEach((stream) -> stream.awaitConnected(Duration.ofSeconds(30)));
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	int size() {
		return this.streams.size();
	}

	/** Every match received so far, in arrival order. */
	List<Received> received() {
		return List.copyOf(this.received);
	}

	long receivedMeasured() {
		return this.receivedMeasured.get();
	}

	/** The errors of events whose data was not a match. */
	Set<String> unreadable() {
		return Set.copyOf(this.unreadable);
	}

	/** Whether a stream ended: the server or the connection failed, and matches may be missing. */
	boolean anyEnded() {
		return this.streams.stream().anyMatch(AlertStream::ended);
	}

	@Override
	public void close() {
		this.streams.forEach(AlertStream::close);
	}

}
