package io.newshound.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.newshound.crawler.CrawlerApplication;
import io.newshound.indexer.IndexerApplication;
import io.newshound.search.SearchApplication;
import io.newshound.stack.junit.LocalStack;

import org.springframework.boot.SpringApplication;
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
		ConfigurableApplicationContext indexer = run(IndexerApplication.application(), stack);
		ConfigurableApplicationContext search = run(SearchApplication.application(), stack);
		ConfigurableApplicationContext crawler = run(CrawlerApplication.application(), stack,
				"--newshound.crawler.sources=" + sourcesFile, "--newshound.crawler.state-dir=" + stateDir,
				"--newshound.crawler.politeness.min-delay=100ms");
		return new RunningServices(indexer, search, crawler);
	}

	/**
	 * Starts one service with the keys {@code up} passes, as command-line arguments so that they win
	 * over the service's own configuration file, on a free port.
	 */
	static ConfigurableApplicationContext run(SpringApplication application, LocalStack stack, String... extra) {
		List<String> args = new ArrayList<>(List.of("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
				"--spring.elasticsearch.uris=" + stack.elasticsearchUrl(), "--spring.main.banner-mode=off"));
		args.addAll(List.of(extra));
		return application.run(args.toArray(String[]::new));
	}

	JsonNode search(String query) {
		return getJson(this.search, "/api/search?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8));
	}

	/** Every article of one source, whatever other tests put into the shared index. */
	JsonNode searchSource(String source) {
		return getJson(this.search, "/api/search?source=" + java.net.URLEncoder.encode(source, StandardCharsets.UTF_8));
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
