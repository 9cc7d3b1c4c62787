package io.newshound.crawler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 with a free port, serving what a test routes to it and recording
 * every request. It also works as an HTTP proxy for plain http: a request in absolute form
 * ({@code GET http://news.example.test/a}) is routed by its path, so tests can give any host name to
 * the fetcher through {@link #asProxy()} while the address guard sees the answer of their resolver.
 */
public final class TestSite implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private final Map<String, Handler> routes = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	/** What a route does with a request. */
	@FunctionalInterface
	public interface Handler {

		void handle(HttpExchange exchange) throws IOException;

	}

	/**
	 * A request as the site received it.
	 *
	 * @param path the path
	 * @param host the Host header
	 * @param headers all headers
	 * @param nanos {@link System#nanoTime()} when it arrived
	 */
	public record Request(String path, String host, Headers headers, long nanos) {
	}

	public TestSite() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::dispatch);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	private void dispatch(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		this.requests.add(new Request(path, exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestHeaders(),
				System.nanoTime()));
		Handler handler = this.routes.get(path);
		try {
			if (handler == null) {
				send(exchange, 404, "text/plain", "not found");
			}
			else {
				handler.handle(exchange);
			}
		}
		catch (IOException ex) {
			// the client went away (a test cut the body off): nothing to answer
		}
		finally {
			exchange.close();
		}
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** {@code http://127.0.0.1:port} + {@code path}. */
	public URI url(String path) {
		return URI.create("http://127.0.0.1:" + port() + path);
	}

	/** A proxy selector that sends every request through this site. */
	public ProxySelector asProxy() {
		return ProxySelector.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()));
	}

	public TestSite route(String path, Handler handler) {
		this.routes.put(path, handler);
		return this;
	}

	/** Serves {@code body} with {@code contentType} at {@code path}. */
	public TestSite text(String path, String contentType, String body) {
		return route(path, (exchange) -> send(exchange, 200, contentType, body));
	}

	/** Serves a classpath resource (with {@code {{base}}} replaced by this site's base URL) at {@code path}. */
	public TestSite resource(String path, String contentType, String resource) {
		String body = fixture(resource).replace("{{base}}", "http://127.0.0.1:" + port());
		return text(path, contentType, body);
	}

	/** A redirect with {@code status} from {@code path} to {@code location}. */
	public TestSite redirect(String path, int status, String location) {
		return route(path, (exchange) -> {
			exchange.getResponseHeaders().set("Location", location);
			exchange.sendResponseHeaders(status, -1);
		});
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	public List<Request> requests(String path) {
		return this.requests.stream().filter((request) -> request.path().equals(path)).toList();
	}

	public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	/** The text of a test resource. */
	public static String fixture(String resource) {
		try (InputStream in = TestSite.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("no test resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
