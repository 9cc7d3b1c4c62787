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
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 (or another loopback address, as another "host") with a free port,
 * serving what a test routes to it and recording every request, and the most requests it ever had in
 * flight at once. It also works as an HTTP proxy for plain http: a request in absolute form
 * ({@code GET http://news.example.test/a}) is routed by its path, so tests can give any host name to
 * the fetcher through {@link #asProxy()} while the address guard sees the answer of their resolver.
 */
public final class TestSite implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(8);

	private final Map<String, Handler> routes = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final String address;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

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
		this("127.0.0.1");
	}

	/** A site on {@code address}, a loopback address such as {@code 127.0.0.2}. */
	public TestSite(String address) {
		this.address = address;
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 50);
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
		this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
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
			this.inFlight.decrementAndGet();
		}
	}

	/** The most requests this site was answering at once, since it started. */
	public int maxConcurrentRequests() {
		return this.maxInFlight.get();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** {@code http://address:port}, as in {@code http://127.0.0.1:40123}. */
	public String base() {
		return "http://" + this.address + ":" + port();
	}

	/** {@link #base()} + {@code path}. */
	public URI url(String path) {
		return URI.create(base() + path);
	}

	/** A proxy selector that sends every request through this site. */
	public ProxySelector asProxy() {
		return ProxySelector.of(this.server.getAddress());
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
		String body = fixture(resource).replace("{{base}}", base());
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
