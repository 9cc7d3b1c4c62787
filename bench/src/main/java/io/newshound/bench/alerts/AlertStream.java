package io.newshound.bench.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

import io.newshound.bench.stack.BenchException;

/**
 * A client of one alert's Server-Sent Events stream ({@code GET /api/alerts/{id}/stream}, the token as a bearer
 * header), read line by line as the JDK {@link HttpClient} receives them: no thread waits on the connection. Each
 * {@code event: match} is handed to the listener with the {@link System#nanoTime()} at which its first line
 * arrived.
 */
final class AlertStream implements AutoCloseable {

	/** Hears each match event of the stream. */
	interface Listener {

		/**
		 * @param data the event's {@code data} (the match as JSON)
		 * @param arrivedNanos when its first line arrived
		 */
		void match(String data, long arrivedNanos);

	}

	private final String alertId;

	private final CountDownLatch connected = new CountDownLatch(1);

	private volatile Flow.Subscription subscription;

	private volatile int status;

	private volatile Throwable failure;

	AlertStream(HttpClient http, String baseUrl, String alertId, String token, Listener listener) {
		this.alertId = alertId;
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/alerts/" + alertId + "/stream"))
			.header("Accept", "text/event-stream")
			.header("Authorization", "Bearer " + token)
			.build();
		http.sendAsync(request, (info) -> {
			this.status = info.statusCode();
			return HttpResponse.BodySubscribers.fromLineSubscriber(new Lines(listener));
		}).whenComplete((response, ex) -> {
			if (ex != null) {
				end(ex);
			}
		});
	}

	/** Waits for the server's {@code : connected} comment: from then on, every match of the alert is sent here. */
	void awaitConnected(Duration timeout) {
		try {
			boolean answered = this.connected.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
			Throwable failed = this.failure;
			if (!answered || failed != null) {
				throw new BenchException("the stream of alert " + this.alertId + " did not connect"
						+ (answered ? "" : " within " + timeout.toSeconds() + " s") + " (HTTP status " + this.status
						+ ((failed != null) ? ", " + failed.getMessage() : "") + ")");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchException("interrupted while connecting to the stream of alert " + this.alertId, ex);
		}
	}

	/** Whether the connection ended (an SSE stream only ends when it fails or is closed). */
	boolean ended() {
		return this.failure != null;
	}

	private void end(Throwable cause) {
		if (this.failure == null) {
			this.failure = cause;
		}
		this.connected.countDown(); // a stream that ended before it connected never will
	}

	@Override
	public void close() {
		Flow.Subscription current = this.subscription;
		if (current != null) {
			current.cancel();
		}
	}

	/** The SSE framing: fields until a blank line; comments start with a colon. */
	private final class Lines implements Flow.Subscriber<String> {

		private final Listener listener;

		private String event;

		private final StringBuilder data = new StringBuilder();

		private long firstLineNanos;

		Lines(Listener listener) {
			this.listener = listener;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			AlertStream.this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(String line) {
			long now = System.nanoTime();
			if (line.isEmpty()) {
				if ("match".equals(this.event)) {
					this.listener.match(this.data.toString(), this.firstLineNanos);
				}
				this.event = null;
				this.data.setLength(0);
				this.firstLineNanos = 0;
				return;
			}
			if (line.startsWith(":")) {
				if (line.substring(1).strip().equals("connected")) {
					AlertStream.this.connected.countDown();
				}
				return;
			}
			if (this.firstLineNanos == 0) {
				this.firstLineNanos = now;
			}
			if (line.startsWith("event:")) {
				this.event = line.substring(6).strip();
			}
			else if (line.startsWith("data:")) {
				this.data.append((this.data.length() > 0) ? "\n" : "").append(line.substring(5).strip());
			}
		}

		@Override
		public void onError(Throwable throwable) {
			end(throwable);
		}

		@Override
		public void onComplete() {
			end(new IllegalStateException("the server ended the stream"));
		}

	}

}
