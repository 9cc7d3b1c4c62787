package io.newshound.bench.crawl;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.newshound.bench.stack.BenchException;
import io.newshound.events.ArticleEvent;

/**
 * A news site on several hosts of this machine — the loopback addresses 127.0.0.2, 127.0.0.3, … each count as a
 * host of their own for the crawler's politeness — each with a robots.txt that allows everything, an RSS feed and
 * its article pages, made from corpus articles.
 */
final class ManyHostSite implements AutoCloseable {

	private final List<HttpServer> servers = new ArrayList<>();

	private final List<String> feeds = new ArrayList<>();

	private final AtomicLong requests = new AtomicLong();

	/**
	 * @param articles the articles, dealt to the hosts in turn
	 * @param hosts how many hosts
	 * @param port the port every host listens on
	 */
	ManyHostSite(List<ArticleEvent> articles, int hosts, int port) {
		for (int h = 0; h < hosts; h++) {
			String address = "127.0.0." + (h + 2);
			String base = "http://" + address + ":" + port;
			Map<String, byte[]> pages = new HashMap<>();
			StringBuilder feed = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
					+ "<title>Bench host " + (h + 1) + "</title><link>" + base + "/</link><description>bench</description>\n");
			for (int i = h; i < articles.size(); i += hosts) {
				ArticleEvent article = articles.get(i);
				String path = "/articles/" + i + ".html";
				pages.put(path, page(article, base + path).getBytes(StandardCharsets.UTF_8));
				feed.append("<item><title>").append(escape(article.title())).append("</title><link>").append(base).append(path)
					.append("</link><guid>").append(base).append(path).append("</guid><pubDate>")
					.append(DateTimeFormatter.RFC_1123_DATE_TIME.format(article.publishedAt().atOffset(ZoneOffset.UTC)))
					.append("</pubDate></item>\n");
			}
			feed.append("</channel></rss>\n");
			pages.put("/feed.xml", feed.toString().getBytes(StandardCharsets.UTF_8));
			pages.put("/robots.txt", "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.UTF_8));
			try {
				HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), port), 64);
				server.createContext("/", (exchange) -> serve(exchange, pages));
				server.setExecutor(Executors.newFixedThreadPool(2));
				server.start();
				this.servers.add(server);
			}
			catch (IOException ex) {
				close();
				throw new BenchException("cannot serve the bench site on " + address + ":" + port + ": " + ex.getMessage(), ex);
			}
			this.feeds.add(base + "/feed.xml");
		}
	}

	List<String> feeds() {
		return this.feeds;
	}

	long requests() {
		return this.requests.get();
	}

	private void serve(HttpExchange exchange, Map<String, byte[]> pages) throws IOException {
		this.requests.incrementAndGet();
		byte[] body = pages.get(exchange.getRequestURI().getPath());
		try (exchange; OutputStream out = exchange.getResponseBody()) {
			if (body == null) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			String path = exchange.getRequestURI().getPath();
			String type = path.endsWith(".xml") ? "application/rss+xml" : path.endsWith(".txt") ? "text/plain" : "text/html";
			exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			out.write(body);
		}
	}

	private static String page(ArticleEvent article, String url) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(article.language())
			.append("\"><head><meta charset=\"utf-8\"><title>").append(escape(article.title()))
			.append("</title><link rel=\"canonical\" href=\"").append(url)
			.append("\"><meta property=\"og:type\" content=\"article\"><meta property=\"article:published_time\" content=\"")
			.append(article.publishedAt()).append("\"><meta name=\"author\" content=\"")
			.append(escape(article.authors().get(0))).append("\"></head><body><header><nav><a href=\"/\">Home</a></nav></header>")
			.append("<main><article><h1>").append(escape(article.title())).append("</h1>");
		for (String paragraph : article.body().split("\n\n")) {
			html.append("<p>").append(escape(paragraph)).append("</p>\n");
		}
		return html.append("</article></main><footer>Bench site</footer></body></html>\n").toString();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	@Override
	public void close() {
		this.servers.forEach((server) -> server.stop(0));
	}

}
