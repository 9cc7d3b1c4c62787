package io.newshound.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.newshound.crawler.CrawlerApplication;
import io.newshound.indexer.IndexerApplication;
import io.newshound.search.SearchApplication;
import io.newshound.stack.junit.LocalStack;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services started in this JVM on free ports against the shared Kafka broker and
 * Elasticsearch node, configured with the same keys that {@code ./newshound up} passes.
 */
final class RunningServices implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ConfigurableApplicationContext indexer;

	private final ConfigurableApplicationContext search;

	private final ConfigurableApplicationContext crawler;

	private RunningServices(ConfigurableApplicationContext indexer, ConfigurableApplicationContext search,
			ConfigurableApplicationContext crawler) {
		this.indexer = indexer;
		this.search = search;
		this.crawler = crawler;
	}

	static RunningServices start(LocalStack stack, Path sourcesFile, Path stateDir) {
		Map<String, Object> common = Map.of("server.port", "0", "spring.kafka.bootstrap-servers",
				stack.kafkaBootstrapServers(), "spring.elasticsearch.uris", stack.elasticsearchUrl(),
				"spring.main.banner-mode", "off");
		ConfigurableApplicationContext indexer = new SpringApplicationBuilder(IndexerApplication.class)
			.properties(common)
			.run();
		ConfigurableApplicationContext search = new SpringApplicationBuilder(SearchApplication.class)
			.properties(common)
			.run();
		ConfigurableApplicationContext crawler = new SpringApplicationBuilder(CrawlerApplication.class)
			.properties(common)
			.properties(Map.of("newshound.crawler.sources", sourcesFile.toString(), "newshound.crawler.state-dir",
					stateDir.toString(), "newshound.crawler.politeness.min-delay", "100ms"))
			.run();
		return new RunningServices(indexer, search, crawler);
	}

	JsonNode search(String query) {
		return getJson(this.search, "/api/search?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
	}

	JsonNode crawlerSources() {
		return getJson(this.crawler, "/api/sources");
	}

	private JsonNode getJson(ConfigurableApplicationContext context, String path) {
		String port = context.getEnvironment().getProperty("local.server.port");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(15))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
			}
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(path + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.crawler.close();
		this.search.close();
		this.indexer.close();
	}

}
