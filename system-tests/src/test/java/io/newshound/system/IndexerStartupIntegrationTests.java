package io.newshound.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.newshound.indexer.IndexerApplication;
import io.newshound.indexer.IndexerProperties;
import io.newshound.indexer.index.ArticleIndexSetup;
import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackTest;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The indexer's start-up step on a real node: a set-up Elasticsearch refuses, and an index made by an
 * earlier template. Each test uses an alias of its own, so the shared {@code news-articles} is untouched.
 */
@LocalStackTest
@ExtendWith(OutputCaptureExtension.class)
class IndexerStartupIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	static LocalStack stack;

	@BeforeAll
	static void stack(LocalStack localStack) {
		stack = localStack;
	}

	/**
	 * Regression for issue 4 (a refused index set-up was retried as "not ready" forever, silently): a
	 * template Elasticsearch refuses with a 400 gives one ERROR naming the cause, {@code indexSetup}
	 * DOWN on the health endpoint with reason and fix, and recovery without a restart once the cause
	 * is removed.
	 */
	@Test
	void refusedIndexSetupIsReportedDownAndRecoveredFromWhenFixed(CapturedOutput output) throws Exception {
		String alias = "startup-it-" + UUID.randomUUID().toString().substring(0, 8);
		// a template of the same priority on the same pattern: Elasticsearch refuses the indexer's with a 400
		elasticsearch("PUT", "/_index_template/" + alias + "-blocker",
				Map.of("index_patterns", new String[] { alias + "-v*" }, "priority", 100));
		try (ConfigurableApplicationContext indexer = RunningServices.run(IndexerApplication.application(), stack,
				"--newshound.indexer.index.alias=" + alias, "--newshound.indexer.retry.max-interval=1s",
				"--spring.kafka.consumer.group-id=" + alias, "--spring.kafka.consumer.auto-offset-reset=latest")) {
			await().atMost(Duration.ofSeconds(30))
				.until(() -> health(indexer).path("components").path("indexSetup").path("details").path("attempts").asInt(),
						(attempts) -> attempts >= 3);
			JsonNode health = health(indexer);
			assertThat(health.path("status").asString()).isEqualTo("DOWN");
			JsonNode setup = health.path("components").path("indexSetup");
			assertThat(setup.path("status").asString()).isEqualTo("DOWN");
			assertThat(setup.path("details").path("phase").asString()).isEqualTo("refused");
			assertThat(setup.path("details").path("reason").asString()).startsWith("HTTP 400, illegal_argument_exception")
				.contains(alias + "-blocker");
			assertThat(setup.path("details").path("fix").asString()).isNotBlank();
			// logged once at ERROR, although refused at every attempt
			assertThat(output.getAll().split("\n"))
				.filteredOn((line) -> line.contains("Elasticsearch refused to set up index '" + alias + "'"))
				.hasSize(1);

			elasticsearch("DELETE", "/_index_template/" + alias + "-blocker", null);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> health(indexer).path("components").path("indexSetup").path("status").asString(),
						"UP"::equals);
			assertThat(elasticsearch("GET", "/_alias/" + alias, null).has(alias + "-v1")).isTrue();
		}
		finally {
			elasticsearch("DELETE", "/_index_template/" + alias + "-blocker", null);
			elasticsearch("DELETE", "/" + alias + "-v1", null);
			elasticsearch("DELETE", "/_index_template/" + alias, null);
		}
	}

	/**
	 * An index created by an earlier template, without the enrichment's {@code evidence} field, gets
	 * the field at start: the strict mapping would otherwise refuse every new document.
	 */
	@Test
	void existingIndexGetsTheFieldsTheTemplateAdded() throws Exception {
		String alias = "migration-it-" + UUID.randomUUID().toString().substring(0, 8);
		ObjectNode template;
		try (var in = ArticleIndexSetup.class.getClassLoader()
			.getResourceAsStream("elasticsearch/news-articles-template.json")) {
			template = (ObjectNode) JSON.readTree(in);
		}
		ObjectNode oldIndex = (ObjectNode) template.path("template").deepCopy();
		((ObjectNode) oldIndex.path("mappings").path("properties")).remove("evidence");
		oldIndex.putObject("aliases").putObject(alias).put("is_write_index", true);
		elasticsearch("PUT", "/" + alias + "-v1", oldIndex);
		try (ElasticsearchClient client = ElasticsearchClient
			.of((config) -> config.host(stack.elasticsearchUrl()).jsonMapper(new Jackson3JsonpMapper()))) {
			new ArticleIndexSetup(client, new IndexerProperties.Index(alias, 1, 1, 0, Duration.ofSeconds(1)))
				.ensureIndex();
			JsonNode evidence = elasticsearch("GET", "/" + alias + "-v1/_mapping", null).path(alias + "-v1")
				.path("mappings")
				.path("properties")
				.path("evidence")
				.path("properties");
			assertThat(evidence.propertyNames()).containsExactlyInAnyOrder("name", "kind", "terms", "mentions", "fields");
		}
		finally {
			elasticsearch("DELETE", "/" + alias + "-v1", null);
			elasticsearch("DELETE", "/_index_template/" + alias, null);
		}
	}

	private static JsonNode health(ConfigurableApplicationContext context) throws IOException, InterruptedException {
		String port = context.getEnvironment().getProperty("local.server.port");
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(response.body());
	}

	private static JsonNode elasticsearch(String method, String path, Object body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + path))
			.timeout(Duration.ofSeconds(30));
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
				.header("Content-Type", "application/json");
		}
		return JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
	}

}
