package io.newshound.crawler.state;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackTest;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The crawl state in a compacted topic of a real broker. */
@LocalStackTest
class KafkaCrawlStateIntegrationTests {

	private static final Instant T1 = Instant.parse("2026-03-14T10:00:00Z");

	private static final CrawlState.PublishedArticle ARTICLE = new CrawlState.PublishedArticle("id1",
			"https://x.example/a", "h1", T1, null, "s1");

	private static final CrawlState.FetchedUrl URL = new CrawlState.FetchedUrl("https://x.example/a", "\"e\"", null, T1);

	/**
	 * A crawler that worked alone moves to shared work without publishing anything again: its journal is
	 * copied into the empty topic, and an instance started later (or another one) reads it from there,
	 * with what was written since.
	 */
	@Test
	void copiesAJournalIntoAnEmptyTopicAndRestoresEverythingOnTheNextStart(LocalStack stack, @TempDir Path dir)
			throws Exception {
		try (FileCrawlState alone = FileCrawlState.open(dir)) {
			alone.markPublished(ARTICLE);
			alone.markFetched(URL);
		}
		String topic = "crawl-state-it-" + UUID.randomUUID();
		Map<String, Object> config = Map.of("bootstrap.servers", stack.kafkaBootstrapServers());
		try (AdminClient admin = AdminClient.create(config)) {
			admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
				.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
		}
		Map<String, Object> producerConfig = new HashMap<>(config);
		producerConfig.put("acks", "all");
		try (Producer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
				new StringSerializer())) {
			KafkaCrawlState first = new KafkaCrawlState(config, () -> producer, topic, "first", Duration.ofSeconds(10), dir);
			List<CrawlState.PublishedArticle> recorded = new CopyOnWriteArrayList<>();
			first.onArticleRecorded(recorded::add);
			first.start();
			try {
				await().atMost(Duration.ofSeconds(30)).until(first::isRestored);
				assertThat(first.published("id1")).isEqualTo(ARTICLE);
				assertThat(first.fetched(URL.url())).isEqualTo(URL);
				assertThat(recorded).containsExactly(ARTICLE);
				first.markPublished(new CrawlState.PublishedArticle("id2", "https://y.example/b", "h2", T1, null, null));
			}
			finally {
				first.close();
			}

			KafkaCrawlState second = new KafkaCrawlState(config, () -> producer, topic, "second", Duration.ofSeconds(10),
					null);
			second.start();
			try {
				await().atMost(Duration.ofSeconds(30)).until(second::isRestored);
				assertThat(second.published("id1")).isEqualTo(ARTICLE);
				assertThat(second.published("id2")).isNotNull();
				assertThat(second.fetched(URL.url())).isEqualTo(URL);
				assertThat(second.caughtUpTo(Map.of(0, 0L))).isTrue();
			}
			finally {
				second.close();
			}
		}
	}

}
