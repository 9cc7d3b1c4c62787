package io.newshound.system;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.newshound.events.ArticleEvent;
import io.newshound.indexer.IndexerApplication;
import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackTest;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The indexer's delivery guarantees when things fail, on the shared Kafka broker and Elasticsearch
 * node: Elasticsearch stopped mid-stream, and the indexer process killed mid-stream. Counts are
 * exact: each test tags its events with a source of its own and counts those.
 */
@LocalStackTest
class IndexerFaultIntegrationTests {

	private static final Duration OUTAGE = Duration.ofSeconds(30);

	/** Keeps the retry after the outage short; the default backs off to 30 s. */
	private static final String FAST_RETRY = "--newshound.indexer.retry.max-interval=2s";

	/** A killed member leaves the group after its session times out (45 s by default); 10 s keeps the test short. */
	private static final String SHORT_SESSION = "--spring.kafka.consumer.properties.session.timeout.ms=10000";

	static LocalStack stack;

	static IndexerTestKit kit;

	@BeforeAll
	static void kit(LocalStack localStack) {
		stack = localStack;
		kit = new IndexerTestKit(stack);
	}

	@AfterAll
	static void closeKit() {
		if (kit != null) {
			kit.close();
		}
	}

	/**
	 * Elasticsearch stopped for 30 s in the middle of a 5,000-event stream and started again: all
	 * 5,000 are indexed, none twice, and the indexer (never restarted) committed no offset while
	 * Elasticsearch was away.
	 */
	@Test
	void elasticsearchStoppedMidStreamLosesNothingAndDuplicatesNothing() throws Exception {
		String source = IndexerTestKit.uniqueSource("es-outage");
		List<ArticleEvent> events = IndexerTestKit.articles(source, 5000);
		boolean stopped = false;
		try (ConfigurableApplicationContext indexer = RunningServices.run(IndexerApplication.application(), stack,
				FAST_RETRY)) {
			awaitConsuming(indexer);
			MeterRegistry meters = indexer.getBean(MeterRegistry.class);
			CompletableFuture<Void> publishing = kit.publishPaced(events, 10);
			await().atMost(Duration.ofMinutes(1)).until(() -> kit.count(source), (count) -> count >= 1000);
			assertThat(publishing).as("still publishing: the outage is mid-stream").isNotDone();

			double transientBefore = transientFailures(meters);
			stack.stopElasticsearch();
			stopped = true;
			Instant stoppedAt = Instant.now();
			await().atMost(OUTAGE).until(() -> transientFailures(meters) > transientBefore);
			Map<TopicPartition, Long> committed = kit.committedOffsets();
			Duration elapsed = Duration.between(stoppedAt, Instant.now());
			Duration rest = (elapsed.compareTo(OUTAGE) < 0) ? OUTAGE.minus(elapsed) : Duration.ofSeconds(1);
			await().during(rest).atMost(rest.plusSeconds(10)).until(kit::committedOffsets, committed::equals);
			stack.startElasticsearch();
			stopped = false;

			publishing.get(2, TimeUnit.MINUTES);
			kit.awaitNoLag(Duration.ofMinutes(2));
			assertThat(kit.count(source)).isEqualTo(5000);
			assertThat(meters.get("newshound.indexer.documents").tag("outcome", "indexed").counter().count())
				.isGreaterThanOrEqualTo(5000);
		}
		finally {
			if (stopped) {
				stack.startElasticsearch();
			}
		}
	}

	/**
	 * The indexer process killed with SIGKILL in the middle of a stream and started again: every
	 * article is indexed once and announced on {@code news.indexed.v1} at least once (the poll that
	 * was in flight is replayed, so some are announced twice; consumers deduplicate by id and version).
	 */
	@Test
	void indexerKilledMidStreamAndRestartedIndexesEverythingOnce() throws Exception {
		String source = IndexerTestKit.uniqueSource("sigkill");
		List<ArticleEvent> events = IndexerTestKit.articles(source, 3000);
		Set<String> ids = events.stream().map(ArticleEvent::articleId).collect(Collectors.toSet());
		Instant since = Instant.now();
		CompletableFuture<Void> publishing;
		try (ServiceProcess first = ServiceProcess.start(stack, "indexer-killed", SHORT_SESSION)) {
			first.awaitLog("Consuming articles", Duration.ofSeconds(90));
			publishing = kit.publishPaced(events, 10);
			await().atMost(Duration.ofMinutes(1)).until(() -> kit.count(source), (count) -> count >= 600);
			assertThat(first.kill()).as("exit code of SIGKILL").isEqualTo(137);
			assertThat(kit.count(source)).as("indexed when killed").isLessThan(3000);
			assertThat(publishing).as("still publishing: the kill is mid-stream").isNotDone();
		}
		try (ServiceProcess second = ServiceProcess.start(stack, "indexer-restarted", SHORT_SESSION)) {
			second.awaitLog("Consuming articles", Duration.ofSeconds(90));
			publishing.get(2, TimeUnit.MINUTES);
			kit.awaitNoLag(Duration.ofMinutes(2));
			assertThat(kit.count(source)).isEqualTo(3000);
		}
		Map<String, Integer> announced = kit.announcements(source, since, ids, Duration.ofSeconds(30));
		assertThat(announced.keySet()).isEqualTo(ids);
		assertThat(announced.values()).allSatisfy((times) -> assertThat(times).isPositive());
		long twice = announced.values().stream().filter((times) -> times > 1).count();
		System.out.println("[IndexerFaultIntegrationTests] announced 3000 articles, " + twice
				+ " of them more than once (the poll in flight at the kill)");
	}

	private static void awaitConsuming(ConfigurableApplicationContext indexer) {
		KafkaListenerEndpointRegistry registry = indexer.getBean(KafkaListenerEndpointRegistry.class);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> registry.getListenerContainer("article-indexer").isRunning());
	}

	private static double transientFailures(MeterRegistry meters) {
		return meters.get("newshound.indexer.failures").tag("kind", "transient").counter().count();
	}

}
