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
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small real HTTP proxy in front of Elasticsearch that, while throttling, answers {@code 429 Too Many
 * Requests} with Elasticsearch's own rejection body to every {@code n}-th {@code _bulk} request instead of
 * forwarding it — what a node whose write queue is full does under load. Everything else is forwarded as
 * it is. When Elasticsearch cannot be reached, the client's connection is closed without an answer, as a
 * refused connection would leave it.
 */
final class ThrottlingProxy implements AutoCloseable {

	/** Headers the JDK client sets itself or refuses, and hop-by-hop headers. */
	private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect",
			"upgrade", "transfer-encoding", "keep-alive");

	private static final byte[] REJECTION = """
			{"error":{"type":"es_rejected_execution_exception","reason":"rejected execution of bulk (fault test)"},\
			"status":429}""".getBytes(StandardCharsets.UTF_8);

	private final HttpClient client = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(2))
		.version(HttpClient.Version.HTTP_1_1)
		.build();

	private final String upstream;

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private final AtomicLong bulkRequests = new AtomicLong();

	private final AtomicLong rejected = new AtomicLong();

	private volatile int rejectEvery;

	ThrottlingProxy(String upstream) throws IOException {
		this.upstream = upstream;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** From now on, every {@code n}-th {@code _bulk} request is answered 429; 0 forwards them all. */
	void rejectEveryNthBulk(int n) {
		this.rejectEvery = n;
	}

	/** How many {@code _bulk} requests were answered 429 so far. */
	long rejectedBulks() {
		return this.rejected.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getRawPath();
			int every = this.rejectEvery;
			if (path.endsWith("/_bulk") && this.bulkRequests.incrementAndGet() % Math.max(every, 1) == 0 && every > 0) {
				exchange.getRequestBody().readAllBytes();
				this.rejected.incrementAndGet();
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(429, REJECTION.length);
				exchange.getResponseBody().write(REJECTION);
				return;
			}
			forward(exchange);
		}
	}

	private void forward(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		String query = exchange.getRequestURI().getRawQuery();
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(this.upstream + exchange.getRequestURI().getRawPath() + (query != null ? "?" + query : "")))
			.timeout(Duration.ofSeconds(60))
			.method(exchange.getRequestMethod(), (body.length == 0) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		exchange.getRequestHeaders().forEach((name, values) -> {
			if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
				values.forEach((value) -> request.header(name, value));
			}
		});
		HttpResponse<byte[]> response;
		try {
			response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			return; // Elasticsearch is away: the exchange closes with no answer
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		response.headers().map().forEach((name, values) -> {
			if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
				exchange.getResponseHeaders().put(name, List.copyOf(values));
			}
		});
		byte[] answer = response.body();
		boolean head = exchange.getRequestMethod().equals("HEAD");
		exchange.sendResponseHeaders(response.statusCode(), (head || answer.length == 0) ? -1 : answer.length);
		if (!head) {
			exchange.getResponseBody().write(answer);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
