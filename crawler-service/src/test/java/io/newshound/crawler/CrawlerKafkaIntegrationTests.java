package io.newshound.crawler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.newshound.events.ArticleEvent;
import io.newshound.events.ArticleIds;
import io.newshound.events.EventDeserializer;
import io.newshound.events.Topics;
import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackExtension;
import io.newshound.stack.junit.LocalStackTest;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The crawler end to end on a real Kafka broker: it creates {@code news.articles.v1}, polls a real
 * local site's feed on start, and the articles come back from the topic keyed by article id.
 */
@LocalStackTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.config.name=crawler-service")
@AutoConfigureWebTestClient
class CrawlerKafkaIntegrationTests {

	private static final TestSite site = new TestSite();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void crawler(DynamicPropertyRegistry registry) {
		site.resource("/feed.xml", "application/rss+xml", "site/feed.xml")
			.resource("/articles/chip-export-rules", "text/html", "site/chip-export-rules.html")
			.resource("/articles/open-model-release", "text/html", "site/open-model-release.html")
			.resource("/articles/robotics-lab", "text/html", "site/robotics-lab.html");
		try {
			Path dir = Files.createTempDirectory("crawler-kafka-it");
			Path sources = dir.resolve("sources.yml");
			Files.writeString(sources, "sources:\n  - name: Fixture Site\n    url: " + site.url("/feed.xml")
					+ "\n    kind: feed\n    tags: [fixture]\n    allowPrivateAddresses: true\n");
			registry.add("newshound.crawler.sources", sources::toString);
			registry.add("newshound.crawler.state-dir", () -> dir.resolve("state").toString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		registry.add("newshound.crawler.politeness.min-delay", () -> "0s");
		registry.add("spring.kafka.bootstrap-servers", () -> LocalStackExtension.localStack().kafkaBootstrapServers());
	}

	@AfterAll
	static void stopSite() {
		site.close();
	}

	/** Every article of the feed arrives on news.articles.v1, keyed by the id of its canonical URL. */
	@Test
	void publishesTheFeedsArticlesToKafka(LocalStack stack) throws Exception {
		List<ConsumerRecord<String, ArticleEvent>> records = new CopyOnWriteArrayList<>();
		try (KafkaConsumer<String, ArticleEvent> consumer = consumer(stack)) {
			consumer.subscribe(List.of(Topics.ARTICLES));
			// other test classes publish to the same topic of the shared broker: keep this source's articles
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).untilAsserted(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
					if (record.value().source().equals("Fixture Site")) {
						records.add(record);
					}
				});
				assertThat(records).hasSize(3);
			});
		}
		String base = "http://127.0.0.1:" + site.port();
		assertThat(records).allSatisfy((record) -> {
			assertThat(record.key()).isEqualTo(record.value().articleId()).isEqualTo(ArticleIds.of(record.value().url()));
			assertThat(record.value().source()).isEqualTo("Fixture Site");
			assertThat(record.value().tags()).containsExactly("fixture");
			assertThat(record.value().body()).isNotBlank();
		});
		assertThat(records).extracting((record) -> record.value().url())
			.containsExactlyInAnyOrder(base + "/articles/chip-export-rules?id=42", base + "/articles/open-model-release",
					base + "/articles/robotics-lab");

		try (AdminClient admin = AdminClient
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
			assertThat(admin.describeTopics(List.of(Topics.ARTICLES)).allTopicNames().get().get(Topics.ARTICLES).partitions())
				.hasSize(3);
		}

		this.client.get().uri("/api/sources").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$[0].articlesPublished").isEqualTo(3);
		this.client.get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.components.kafka.status").isEqualTo("UP")
			.jsonPath("$.components.kafka.details.topics['news.articles.v1']").isEqualTo(true);
	}

	private static KafkaConsumer<String, ArticleEvent> consumer(LocalStack stack) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "crawler-it-" + UUID.randomUUID());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		return new KafkaConsumer<>(properties, new StringDeserializer(), EventDeserializer.articles());
	}

}
