package io.newshound.system;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.newshound.crawler.url.UrlNormalizer;
import io.newshound.events.ArticleIds;

/**
 * A real local news site for the crawler's fault test: an RSS feed of {@code count} articles, each page a
 * plain article whose body is words of its own (so that no two are near-duplicates and each is its own
 * story). A page is served after a short delay, so that a crawl takes long enough to be killed halfway.
 * Every {@code every}th page's title starts with a word of the test's choosing, for an alert to match.
 */
final class CrawlSite implements AutoCloseable {

	private static final List<String> WORDS = List.of("model", "training", "inference", "cluster", "benchmark",
			"startup", "funding", "regulation", "chip", "datacenter", "agent", "reasoning", "release", "license",
			"open", "weights", "safety", "evaluation", "token", "context", "latency", "partner", "cloud", "research",
			"paper", "dataset", "robotics", "vision", "speech", "translation", "copyright", "lawsuit", "merger",
			"revenue", "customers", "developers", "platform", "pricing", "energy", "export", "policy", "europe",
			"india", "japan", "brazil", "nigeria", "canada", "hospital", "school", "bank", "factory", "farm",
			"satellite", "battery", "compiler", "kernel", "memory", "network", "privacy", "audit");

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final int count;

	private final String markWord;

	private final int every;

	CrawlSite(int count, String markWord, int every) throws IOException {
		this.count = count;
		this.markWord = markWord;
		this.every = every;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	String feedUrl() {
		return base() + "/feed.xml";
	}

	/** The article ids the crawler should publish, one per page, from their canonical URLs. */
	List<String> articleIds() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < this.count; i++) {
			ids.add(articleId(i));
		}
		return ids;
	}

	/** The ids of the pages whose title has the mark word. */
	List<String> markedArticleIds() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < this.count; i += this.every) {
			ids.add(articleId(i));
		}
		return ids;
	}

	private String articleId(int i) {
		URI canonical = UrlNormalizer.normalize(URI.create(articleUrl(i))).orElseThrow();
		return ArticleIds.of(canonical.toString());
	}

	private String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private String articleUrl(int i) {
		return base() + "/articles/story-" + i + ".html";
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			if (path.equals("/feed.xml")) {
				send(exchange, "application/rss+xml; charset=utf-8", feed());
			}
			else if (path.startsWith("/articles/story-") && path.endsWith(".html")) {
				int i = Integer.parseInt(path.substring("/articles/story-".length(), path.length() - 5));
				Thread.sleep(100); // a site that takes its time, so the crawl can be killed halfway
				send(exchange, "text/html; charset=utf-8", page(i));
			}
			else {
				exchange.sendResponseHeaders(404, -1);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String feed() {
		StringBuilder items = new StringBuilder();
		for (int i = 0; i < this.count; i++) {
			items.append("<item><title>").append(title(i)).append("</title><link>").append(articleUrl(i))
				.append("</link><pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(published(i)))
				.append("</pubDate></item>\n");
		}
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<rss version="2.0"><channel><title>Fault Site</title><link>%s/</link><description>test</description>
				%s</channel></rss>
				""".formatted(base(), items);
	}

	private String page(int i) {
		Random random = new Random(i);
		StringBuilder body = new StringBuilder();
		for (int paragraph = 0; paragraph < 4; paragraph++) {
			body.append("<p>");
			for (int word = 0; word < 60; word++) {
				body.append(WORDS.get(random.nextInt(WORDS.size()))).append(word % 12 == 11 ? ". " : " ");
			}
			body.append("article ").append(i).append(".</p>\n");
		}
		return """
				<!doctype html><html lang="en"><head><meta charset="utf-8"><title>%1$s</title>
				<link rel="canonical" href="%2$s"><meta property="article:published_time" content="%3$s"></head>
				<body><article><h1>%1$s</h1>%4$s</article></body></html>
				""".formatted(title(i), articleUrl(i), published(i).toInstant(), body);
	}

	private String title(int i) {
		return ((i % this.every == 0) ? this.markWord + " watch: " : "") + "Fault site story number " + i;
	}

	private static java.time.ZonedDateTime published(int i) {
		return Instant.parse("2026-11-01T00:00:00Z").plusSeconds(3600L * i).atZone(ZoneOffset.UTC);
	}

	private static void send(HttpExchange exchange, String type, String text) throws IOException {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
