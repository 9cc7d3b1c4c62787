package io.newshound.launcher.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The bundled demo news site: a handful of AI-industry articles written for Newshound and their RSS
 * feed, served on loopback so that a machine without internet still has something to crawl. Pages
 * are classpath resources under {@code demo-site/}; {@code {{base}}} in them becomes the site's URL.
 */
public final class DemoSite implements AutoCloseable {

	private static final Map<String, String> CONTENT_TYPES = Map.of(".xml", "application/rss+xml; charset=utf-8",
			".html", "text/html; charset=utf-8", ".txt", "text/plain; charset=utf-8");

	private final HttpServer server;

	private final ExecutorService executor;

	private DemoSite(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	/**
	 * Starts the site on 127.0.0.1.
	 * @param port the port, or 0 for a free one
	 * @return the running site
	 * @throws IOException if the port cannot be bound
	 */
	public static DemoSite start(int port) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		ExecutorService executor = Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "demo-site");
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(executor);
		DemoSite site = new DemoSite(server, executor);
		server.createContext("/", site::serve);
		server.start();
		return site;
	}

	/** The site's base URL, such as {@code http://127.0.0.1:8090}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The URL of the site's RSS feed. */
	public String feedUrl() {
		return baseUrl() + "/feed.xml";
	}

	private void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (path.equals("/")) {
				path = "/index.html";
			}
			byte[] page = (path.contains("..") || !"GET".equals(exchange.getRequestMethod())) ? null : page(path);
			if (page == null) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			exchange.getResponseHeaders().set("Content-Type", contentType(path));
			exchange.sendResponseHeaders(200, page.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(page);
			}
		}
	}

	private byte[] page(String path) throws IOException {
		try (InputStream in = DemoSite.class.getResourceAsStream("/demo-site" + path)) {
			if (in == null) {
				return null;
			}
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return text.replace("{{base}}", baseUrl()).getBytes(StandardCharsets.UTF_8);
		}
	}

	private static String contentType(String path) {
		int dot = path.lastIndexOf('.');
		return CONTENT_TYPES.getOrDefault((dot >= 0) ? path.substring(dot) : "", "application/octet-stream");
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
