package io.newshound.bench.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.IntConsumer;

import tools.jackson.databind.JsonNode;

import io.newshound.bench.stack.BenchException;
import io.newshound.bench.stack.Pause;
import io.newshound.bench.stack.ServiceProcess;
import io.newshound.events.EventJson;

/**
 * The search service's alert API as a reader's client uses it: {@code POST /api/alerts}, the alerts' health and the
 * matcher's subscription count.
 */
final class AlertApi {

	/** Creations in flight at once: enough to keep a 2-core service busy, few enough not to time out. */
	private static final int IN_FLIGHT = 8;

	/** An alert as created: its id and the token shown once. */
	record Created(String id, String token) {
	}

	private final HttpClient http;

	private final ServiceProcess search;

	AlertApi(HttpClient http, ServiceProcess search) {
		this.http = http;
		this.search = search;
	}

	/** Waits until the service's alerts run: subscriptions loaded, match log followed, matcher in its group. */
	void awaitRunning(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!alertsStatus().equals("UP")) {
			if (System.nanoTime() > deadline) {
				throw new BenchException("the search service's alerts were not running within " + timeout.toSeconds()
						+ " s (health: " + alertsStatus() + "); see " + this.search.logFile());
			}
			Pause.of(Duration.ofMillis(500));
		}
	}

	private String alertsStatus() {
		String body = this.search.get("/actuator/health");
		if (body.isEmpty()) {
			return "no answer";
		}
		return EventJson.mapper().readTree(body).path("components").path("alerts").path("status").asString("absent");
	}

	/**
	 * Creates an alert for each query, a few requests at a time; fails unless every answer is 201.
	 * @param progress hears the number created so far, after each
	 */
	List<Created> create(String namePrefix, List<String> queries, IntConsumer progress) {
		Semaphore inFlight = new Semaphore(IN_FLIGHT);
		List<CompletableFuture<Created>> answers = new ArrayList<>(queries.size());
		int[] done = { 0 };
		try {
			for (int i = 0; i < queries.size(); i++) {
				inFlight.acquire();
				String body = EventJson.mapper()
					.writeValueAsString(Map.of("name", namePrefix + " " + (i + 1), "query", queries.get(i)));
				HttpRequest request = HttpRequest.newBuilder(URI.create(this.search.url() + "/api/alerts"))
					.header("Content-Type", "application/json")
					.timeout(Duration.ofSeconds(30))
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build();
				String query = queries.get(i);
				answers.add(this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, ex) -> {
					inFlight.release();
					if (ex != null) {
						throw new BenchException("creating the alert '" + query + "' failed: " + ex.getMessage(), ex);
					}
					if (response.statusCode() != 201) {
						throw new BenchException("creating the alert '" + query + "' answered " + response.statusCode()
								+ ": " + response.body());
					}
					JsonNode created = EventJson.mapper().readTree(response.body());
					synchronized (done) {
						progress.accept(++done[0]);
					}
					return new Created(created.path("id").asString(), created.path("token").asString());
				}));
			}
			List<Created> created = new ArrayList<>(answers.size());
			for (CompletableFuture<Created> answer : answers) {
				created.add(answer.join());
			}
			return created;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchException("interrupted while creating alerts", ex);
		}
		catch (java.util.concurrent.CompletionException ex) {
			throw (ex.getCause() instanceof BenchException bench) ? bench
					: new BenchException("creating alerts failed: " + ex.getCause().getMessage(), ex.getCause());
		}
	}

	/** Waits until the matcher holds {@code count} alerts (it registers each one as it reads it back from Kafka). */
	void awaitRegistered(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (registered() < count) {
			if (System.nanoTime() > deadline) {
				throw new BenchException("the matcher registered " + registered()
						+ " of " + count + " alerts within " + timeout.toSeconds() + " s; see " + this.search.logFile());
			}
			Pause.of(Duration.ofMillis(250));
		}
	}

	/** Alerts the matcher holds, or -1 when the service does not answer. */
	private double registered() {
		return this.search.metric("newshound.alerts.subscriptions", "VALUE").orElse(-1);
	}

}
