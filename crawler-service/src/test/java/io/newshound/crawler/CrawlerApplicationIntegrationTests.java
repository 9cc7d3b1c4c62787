package io.newshound.crawler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.newshound.events.EventSerializer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application on a random port, with no broker reachable and the scheduler idle: the source
 * API, the health (Kafka DOWN) and the Prometheus metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=crawler-service", "newshound.crawler.sources=classpath:test-sources.yml",
				"newshound.crawler.scheduling-enabled=false", "spring.kafka.bootstrap-servers=127.0.0.1:9",
				"spring.kafka.admin.auto-create=false" })
@AutoConfigureWebTestClient
class CrawlerApplicationIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ProducerFactory<?, ?> producerFactory;

	@DynamicPropertySource
	static void stateDir(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("crawler-it");
		registry.add("newshound.crawler.state-dir", dir::toString);
	}

	@Test
	void listsTheConfiguredSources() {
		this.client.get().uri("/api/sources").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[0].name").isEqualTo("Local Fixture")
			.jsonPath("$[1].name").isEqualTo("Remote Fixture")
			.jsonPath("$[1].pollInterval").isEqualTo("PT15M");
	}

	/** Without a broker the Kafka health indicator is DOWN, and so is the service. */
	@Test
	void healthReportsKafkaDown() {
		this.client.get().uri("/actuator/health").exchange()
			.expectStatus().isEqualTo(503)
			.expectBody()
			.jsonPath("$.status").isEqualTo("DOWN")
			.jsonPath("$.components.kafka.status").isEqualTo("DOWN");
	}

	@Test
	void exposesTheCrawlerMetricsToPrometheus() {
		String metrics = this.client.get().uri("/actuator/prometheus").accept(MediaType.TEXT_PLAIN).exchange()
			.expectStatus().isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("newshound_crawler_pages_fetched_total", "newshound_crawler_bytes_fetched_bytes_sum",
				"newshound_crawler_articles_published_total", "newshound_crawler_politeness_wait_seconds_sum",
				"newshound_crawler_links_forwarded_total", "newshound_crawler_partitions_owned");
	}

	/** The launcher's live status reads the published-articles counter through the metrics endpoint. */
	@Test
	void exposesThePublishedCounterToTheMetricsEndpoint() {
		this.client.get().uri("/actuator/metrics/newshound.crawler.articles.published").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.measurements[0].value").isEqualTo(0.0);
	}

	/** The producer is idempotent with acks=all, and writes the contract's JSON keyed by a string id. */
	@Test
	void producesIdempotentlyWithAcksAll() {
		assertThat(this.producerFactory.getConfigurationProperties()).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
			.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
			.containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, java.util.List.of("127.0.0.1:9"));
		DefaultKafkaProducerFactory<?, ?> factory = (DefaultKafkaProducerFactory<?, ?>) this.producerFactory;
		assertThat(factory.getKeySerializerSupplier().get()).isInstanceOf(StringSerializer.class);
		assertThat(factory.getValueSerializerSupplier().get()).isInstanceOf(EventSerializer.class);
	}

}
