package io.newshound.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import io.newshound.bench.stack.BenchException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The load generator counts answers and errors from a real local server, and only ever targets this machine. */
class ClosedLoopLoadTests {

	@Test
	void countsSuccessesAndErrorsSeparately() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> {
			byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/ok") ? 200 : 500, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		try {
			String base = "http://127.0.0.1:" + server.getAddress().getPort();
			LoadResult result = new ClosedLoopLoad().run(List.of(HttpRequest.newBuilder(URI.create(base + "/ok")).build(),
					HttpRequest.newBuilder(URI.create(base + "/fail")).build()), 2, Duration.ofMillis(300));
			assertThat(result.requests()).isPositive();
			assertThat(result.errors()).isPositive();
			assertThat(result.latencies().count()).isEqualTo(result.requests());
			assertThat(result.latencies().p99()).isGreaterThanOrEqualTo(result.latencies().p50());
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void refusesTargetsOffThisMachine() {
		assertThatThrownBy(() -> new ClosedLoopLoad()
			.run(List.of(HttpRequest.newBuilder(URI.create("http://example.com/")).build()), 1, Duration.ofMillis(10)))
			.isInstanceOf(BenchException.class)
			.hasMessageContaining("example.com");
	}

}
