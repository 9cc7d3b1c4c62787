package io.newshound.system;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/** The alert API as a client sees it: JSON calls, a Server-Sent Events reader, a webhook receiver. */
final class AlertKit {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private AlertKit() {
	}

	record Response(int status, Map<String, List<String>> headers, byte[] body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	static String base(ConfigurableApplicationContext search) {
		return "http://127.0.0.1:" + search.getEnvironment().getProperty("local.server.port");
	}

	/** Waits until the service's alerts run (subscriptions loaded, matcher in its group). */
	static void awaitAlertsRunning(ConfigurableApplicationContext search) {
		awaitAlertsRunning(base(search), Duration.ofMinutes(2));
	}

	/** Waits until the alerts of the service at {@code base} run. */
	static void awaitAlertsRunning(String base, Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
			Response health = call(base, "GET", "/actuator/health", null, null);
			return health.json().path("components").path("alerts").path("status").asString().equals("UP");
		});
	}

	static Response call(ConfigurableApplicationContext search, String method, String path, Object body, String token) {
		return call(base(search), method, path, body, token);
	}

	/** Like {@link #call(ConfigurableApplicationContext, String, String, Object, String)}, for a service at {@code base}. */
	static Response call(String base, String method, String path, Object body, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
			request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		try {
			HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers().map(), response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(path + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Creates an alert; fails unless the answer is 201. */
	static JsonNode create(ConfigurableApplicationContext search, Map<String, Object> alert) {
		return create(base(search), alert);
	}

	/** Creates an alert on the service at {@code base}; fails unless the answer is 201. */
	static JsonNode create(String base, Map<String, Object> alert) {
		Response response = call(base, "POST", "/api/alerts", alert, null);
		if (response.status() != 201) {
			throw new AssertionError("creating " + alert + " answered " + response.status() + ": " + response.text());
		}
		return response.json();
	}

	/** One Server-Sent Event. */
	record Event(String id, String event, String data) {

		JsonNode json() {
			return JSON.readTree(this.data);
		}

	}

	/** A connected stream, read on a thread of the HTTP client, every event kept. */
	static final class Stream implements AutoCloseable {

		final List<Event> events = new CopyOnWriteArrayList<>();

		final List<String> comments = new CopyOnWriteArrayList<>();

		volatile int status;

		private final CompletableFuture<?> reading;

		private Stream(ConfigurableApplicationContext search, String alertId, String token, String lastEventId) {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create(base(search) + "/api/alerts/" + alertId + "/stream?token=" + token))
				.header("Accept", "text/event-stream");
			if (lastEventId != null) {
				request.header("Last-Event-ID", lastEventId);
			}
			this.reading = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines()).thenAccept((response) -> {
				this.status = response.statusCode();
				read(response.body());
			});
		}

		private void read(java.util.stream.Stream<String> lines) {
			String[] current = new String[3];
			StringBuilder data = new StringBuilder();
			lines.forEach((line) -> {
				if (line.isEmpty()) {
					if (current[1] != null || data.length() > 0) {
						this.events.add(new Event(current[0], current[1], data.toString()));
					}
					current[0] = null;
					current[1] = null;
					data.setLength(0);
				}
				else if (line.startsWith(":")) {
					this.comments.add(line.substring(1).strip());
				}
				else if (line.startsWith("id:")) {
					current[0] = line.substring(3).strip();
				}
				else if (line.startsWith("event:")) {
					current[1] = line.substring(6).strip();
				}
				else if (line.startsWith("data:")) {
					data.append((data.length() > 0) ? "\n" : "").append(line.substring(5).strip());
				}
			});
		}

		/** Connects and waits until the server says it listens. */
		static Stream open(ConfigurableApplicationContext search, String alertId, String token, String lastEventId) {
			Stream stream = new Stream(search, alertId, token, lastEventId);
			await().atMost(Duration.ofSeconds(30)).until(() -> stream.comments.contains("connected"));
			return stream;
		}

		List<String> articleIds() {
			return this.events.stream().map((event) -> event.json().path("articleId").asString()).toList();
		}

		@Override
		public void close() {
			this.reading.cancel(true);
		}

	}

	/** A local HTTP server that records the webhook calls it receives. */
	static final class Receiver implements AutoCloseable {

		record Call(Map<String, List<String>> headers, byte[] body) {

			String header(String name) {
				return this.headers.entrySet()
					.stream()
					.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
					.flatMap((entry) -> entry.getValue().stream())
					.findFirst()
					.orElse(null);
			}

			JsonNode json() {
				return JSON.readTree(this.body);
			}

		}

		final List<Call> calls = new CopyOnWriteArrayList<>();

		private final HttpServer server;

		Receiver() throws IOException {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/hook", (exchange) -> {
				try (InputStream body = exchange.getRequestBody()) {
					this.calls.add(new Call(Map.copyOf(exchange.getRequestHeaders()), body.readAllBytes()));
				}
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
			});
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
		}

		List<String> articleIds() {
			return this.calls.stream().map((call) -> call.json().path("articleId").asString()).toList();
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

}
