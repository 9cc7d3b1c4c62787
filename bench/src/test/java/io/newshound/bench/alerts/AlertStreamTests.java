package io.newshound.bench.alerts;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.newshound.bench.stack.BenchException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bench's SSE client against a local server that speaks the search service's framing. */
class AlertStreamTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private HttpServer server;

	private final CountDownLatch release = new CountDownLatch(1);

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/api/alerts/a1/stream", (exchange) -> {
			if (!"Bearer secret".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
				exchange.sendResponseHeaders(404, -1);
				exchange.close();
				return;
			}
			exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream body = exchange.getResponseBody()) {
				write(body, ":connected\n\n");
				write(body, "id:0-7\nevent:match\ndata:{\"alertId\":\"a1\",\"articleId\":\"x\"}\n\n");
				write(body, ":heartbeat\n\n");
				write(body, "event:other\ndata:not a match\n\n");
				write(body, "id:0-8\nevent:match\ndata:{\"alertId\":\"a1\",\"articleId\":\"y\"}\n\n");
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.release.countDown();
		this.server.stop(0);
	}

	private static void write(OutputStream body, String text) throws IOException {
		body.write(text.getBytes(StandardCharsets.UTF_8));
		body.flush();
	}

	private String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	@Test
	void handsOverEachMatchEventWithItsArrivalTimeAndNothingElse() throws InterruptedException {
		List<String> data = new CopyOnWriteArrayList<>();
		CountDownLatch two = new CountDownLatch(2);
		long before = System.nanoTime();
		try (AlertStream stream = new AlertStream(HTTP, base(), "a1", "secret", (json, nanos) -> {
			assertThat(nanos).isGreaterThanOrEqualTo(before);
			data.add(json);
			two.countDown();
		})) {
			stream.awaitConnected(Duration.ofSeconds(30));
			assertThat(two.await(30, TimeUnit.SECONDS)).isTrue();
			assertThat(data).containsExactly("{\"alertId\":\"a1\",\"articleId\":\"x\"}",
					"{\"alertId\":\"a1\",\"articleId\":\"y\"}");
			assertThat(stream.ended()).isFalse();
		}
	}

	@Test
	void aRefusedStreamFailsAtOnceWithItsStatus() {
		try (AlertStream stream = new AlertStream(HTTP, base(), "a1", "wrong", (json, nanos) -> {
		})) {
			assertThatThrownBy(() -> stream.awaitConnected(Duration.ofSeconds(30))).isInstanceOf(BenchException.class)
				.hasMessageContaining("HTTP status 404");
		}
	}

}
