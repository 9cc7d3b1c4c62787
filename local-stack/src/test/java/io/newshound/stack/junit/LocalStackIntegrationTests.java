package io.newshound.stack.junit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import io.newshound.stack.TestPlugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs {@link Scenarios}, a {@link LocalStackTest} class like those of the other modules, in a
 * JUnit run of its own, so that this class can also look at what is left once that run ended.
 * That run starts this module's only Elasticsearch node.
 */
class LocalStackIntegrationTests {

	private static final String PLUGIN = "local-stack-test-plugin";

	private static EngineExecutionResults run;

	/** As a module with its own analysis plugin would, asks for a plugin through newshound.es.plugins. */
	@BeforeAll
	static void runTheScenarios(@TempDir Path plugins) throws IOException {
		Path plugin = TestPlugins.emptyStablePlugin(plugins, PLUGIN, "proves that plugins get installed");
		System.setProperty(StackSettings.PLUGINS, plugin.toString());
		try {
			run = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Scenarios.class)).execute();
		}
		finally {
			System.clearProperty(StackSettings.PLUGINS);
		}
	}

	/** Kafka and Elasticsearch answered every scenario (or, without Docker in containers mode, all were skipped). */
	@Test
	void everyScenarioPasses() {
		Optional<String> skipped = run.containerEvents().aborted().stream().map(LocalStackIntegrationTests::reason)
			.findFirst();
		assumeTrue(skipped.isEmpty(), () -> "scenarios skipped: " + skipped.orElseThrow());
		assertThat(run.allEvents().failed().stream().map(LocalStackIntegrationTests::reason)).isEmpty();
		run.testEvents().assertStatistics((stats) -> stats.started(6).succeeded(6));
	}

	/** The broker's and the node's processes ran while the scenarios did, and none outlived the run. */
	@Test
	@DisabledIfSystemProperty(named = StackSettings.INFRA, matches = "containers")
	@DisabledIfSystemProperty(named = StackSettings.KAFKA_BOOTSTRAP, matches = ".+")
	@DisabledIfSystemProperty(named = StackSettings.ELASTICSEARCH_URL, matches = ".+")
	void noProcessOutlivesTheRun() {
		// at least the broker's JVM, the node's launcher JVM and the node's server JVM
		assertThat(Scenarios.processesSeen).hasSizeGreaterThanOrEqualTo(3).noneMatch(ProcessHandle::isAlive);
		assertThat(ProcessHandle.current().descendants()).isEmpty();
	}

	private static String reason(Event event) {
		return event.getPayload(TestExecutionResult.class)
			.flatMap(TestExecutionResult::getThrowable)
			.map(Throwable::toString)
			.orElse(event.toString());
	}

	@LocalStackTest
	static class Scenarios {

		static final Set<ProcessHandle> processesSeen = ConcurrentHashMap.newKeySet();

		private static final HttpClient HTTP = HttpClient.newHttpClient();

		@AfterEach
		void recordProcesses() {
			ProcessHandle.current().descendants().forEach(processesSeen::add);
		}

		/** A declared topic carries a record from a producer to a consumer group. */
		@Test
		void kafkaCarriesARecord(LocalStack stack) throws Exception {
			String topic = "local-stack-it";
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
					stack.kafkaBootstrapServers()))) {
				admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
			}
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
					new StringSerializer(), new StringSerializer())) {
				producer.send(new ProducerRecord<>(topic, "article-1", "hello")).get();
			}
			try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
					Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
							ConsumerConfig.GROUP_ID_CONFIG, "local-stack-it", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
							"earliest"),
					new StringDeserializer(), new StringDeserializer())) {
				consumer.subscribe(List.of(topic));
				List<ConsumerRecord<String, String>> received = new ArrayList<>();
				await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> {
					consumer.poll(Duration.ofMillis(500)).forEach(received::add);
					return !received.isEmpty();
				});
				assertThat(received).singleElement()
					.satisfies((record) -> assertThat(record.key()).isEqualTo("article-1"))
					.satisfies((record) -> assertThat(record.value()).isEqualTo("hello"));
			}
		}

		/** Producing to a topic nobody declared fails instead of creating it. */
		@Test
		void kafkaDoesNotCreateTopicsImplicitly(LocalStack stack) throws Exception {
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(
					Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
							ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000),
					new StringSerializer(), new StringSerializer())) {
				assertThatExceptionOfType(Exception.class)
					.isThrownBy(() -> producer.send(new ProducerRecord<>("never-declared", "value")).get());
			}
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
					stack.kafkaBootstrapServers()))) {
				assertThat(admin.listTopics().names().get()).doesNotContain("never-declared");
			}
		}

		/** A document indexed over HTTP can be read back by id and found by a full-text query. */
		@Test
		void elasticsearchIndexesAndFindsADocument(LocalStack stack) throws Exception {
			String document = "{\"title\":\"Local stack serves a real node\"}";
			HttpResponse<String> indexed = send(stack, "PUT", "/local-stack-it/_doc/1?refresh=true", document);
			assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);

			HttpResponse<String> read = send(stack, "GET", "/local-stack-it/_doc/1", null);
			assertThat(read.statusCode()).isEqualTo(200);
			assertThat(read.body()).contains("\"found\":true", document);

			HttpResponse<String> found = send(stack, "GET", "/local-stack-it/_search?q=title:real", null);
			assertThat(found.body()).contains("\"total\":{\"value\":1,", "\"_id\":\"1\"");
		}

		/** The plugin asked for through newshound.es.plugins was installed before the node started. */
		@Test
		void elasticsearchRunsTheRequestedPlugin(LocalStack stack) throws Exception {
			assertThat(send(stack, "GET", "/_cat/plugins?h=component", null).body()).contains(PLUGIN);
		}

		/** A stopped node refuses connections; started again it answers on the same URL with its data. */
		@Test
		void elasticsearchRestartsOnTheSameUrlWithItsData(LocalStack stack) throws Exception {
			HttpResponse<String> indexed = send(stack, "PUT", "/local-stack-restart/_doc/1?refresh=true",
					"{\"title\":\"kept across a restart\"}");
			assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);
			try {
				stack.stopElasticsearch();
				assertThatExceptionOfType(IOException.class)
					.isThrownBy(() -> send(stack, "GET", "/local-stack-restart/_doc/1", null));
			}
			finally {
				stack.startElasticsearch();
			}
			await().atMost(Duration.ofSeconds(60))
				.until(() -> send(stack, "GET", "/local-stack-restart/_doc/1", null).statusCode() == 200);
			assertThat(send(stack, "GET", "/local-stack-restart/_doc/1", null).body()).contains("kept across a restart");
		}

		/** Parameter injection and the static accessor give every test the one stack of the JVM. */
		@Test
		void everyTestSharesOneStack(LocalStack stack) {
			assertThat(LocalStackExtension.localStack()).isSameAs(stack);
			assertThat(stack.elasticsearchUrl()).startsWith("http://");
		}

		private static HttpResponse<String> send(LocalStack stack, String method, String path, String json)
				throws Exception {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + path))
				.timeout(Duration.ofSeconds(30));
			if (json == null) {
				request.method(method, HttpRequest.BodyPublishers.noBody());
			}
			else {
				request.method(method, HttpRequest.BodyPublishers.ofString(json))
					.header("Content-Type", "application/json");
			}
			return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}

	}

}
