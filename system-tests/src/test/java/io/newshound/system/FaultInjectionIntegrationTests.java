package io.newshound.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.newshound.events.ArticleEvent;
import io.newshound.events.EventJson;
import io.newshound.events.Topics;
import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackTest;
import io.newshound.system.ServiceProcess.Service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault-injection suite: during a steady stream of articles, each fault of issue 9 is injected in turn —
 * SIGKILL of the indexer, of the search service and of the crawler (each started again), Elasticsearch
 * stopped and started, the Kafka broker stopped and started, Elasticsearch answering 429 to a third of the
 * bulk requests. The services run as processes of their own; the indexer reaches Elasticsearch through
 * {@link ThrottlingProxy}. After each fault the test counts, by article id, what Elasticsearch holds and
 * what {@code /api/search} returns: nothing lost, nothing twice, the indexer's committed offsets at the end
 * of the topic. One topic alert, registered once through the search service's API before the first stream,
 * matches every third article of each stream (their titles carry {@link #ALERT_WORD}); after each fault the test
 * counts that alert's deliveries in the match log ({@link AlertMatchLog}) against the articles expected to match:
 * every one delivered, none twice, no other. The numbers go to {@code target/fault-report.md}, whose table is the
 * README's.
 */
@LocalStackTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIntegrationTests {

	/** 1,500 articles at 100 per second: a fault hits a stream of 15 s. */
	private static final int STREAM = 1500;

	private static final Duration OUTAGE = Duration.ofSeconds(10);

	/** Generous: a start took over two minutes on two cores shared by several builds (load 30). */
	private static final Duration START = Duration.ofMinutes(5);

	/** A killed member leaves its group after its session times out (45 s by default); 10 s keeps the test short. */
	private static final String SHORT_SESSION = "--spring.kafka.consumer.properties.session.timeout.ms=10000";

	private static final String[] INDEXER_ARGS = { SHORT_SESSION, "--newshound.indexer.retry.max-interval=2s" };

	/** The counting pages through every article; the rate limit is for the public, not for this test. */
	private static final String[] SEARCH_ARGS = { "--newshound.search.rate-limit.enabled=false" };

	/** The word of the alert's query; every {@link #ALERT_EVERY}th article of each stream has it in its title. */
	static final String ALERT_WORD = "quokka";

	static final int ALERT_EVERY = 3;

	/** The wait for alert matching to settle: a killed search service's open transaction ends after 60 s. */
	private static final Duration ALERTS_SETTLE = Duration.ofMinutes(5);

	private static final FaultReport report = new FaultReport();

	private static final List<ServiceProcess> started = new ArrayList<>();

	@TempDir
	static Path workDir;

	static LocalStack stack;

	static IndexerTestKit kit;

	static ArticleStream stream;

	static ThrottlingProxy proxy;

	static ExactlyOnce counter;

	static ServiceProcess indexer;

	static ServiceProcess search;

	static int searchPort;

	static AlertMatchLog alertLog;

	/** The alert every stream's marked articles must reach, exactly once each. */
	static String alertId;

	@BeforeAll
	static void startServices(LocalStack localStack) throws IOException {
		stack = localStack;
		kit = new IndexerTestKit(stack);
		stream = new ArticleStream(stack);
		proxy = new ThrottlingProxy(stack.elasticsearchUrl());
		counter = new ExactlyOnce(stack.elasticsearchUrl());
		indexer = startIndexer("faults-indexer-1");
		search = startSearch("faults-search-1");
		indexer.awaitLog("Consuming articles", START);
		searchPort = search.port(START);
		alertLog = new AlertMatchLog(stack);
		AlertKit.awaitAlertsRunning(searchBase(), START);
		alertId = AlertKit.create(searchBase(), Map.of("name", "Fault watch", "query", ALERT_WORD))
			.path("id")
			.asString();
	}

	private static String searchBase() {
		return "http://127.0.0.1:" + searchPort;
	}

	@AfterAll
	static void stopEverything() throws InterruptedException {
		for (ServiceProcess process : started) {
			process.close();
		}
		if (proxy != null) {
			proxy.close();
		}
		if (stream != null) {
			stream.close();
		}
		if (kit != null) {
			kit.close();
		}
		if (alertLog != null) {
			alertLog.close();
		}
		report.write(Path.of("target", "fault-report.md"));
		System.out.println("[FaultInjectionIntegrationTests]\n" + report.markdown());
	}

	/** The indexer killed with SIGKILL mid-stream and started again: the poll in flight is replayed, once. */
	@Test
	@Order(1)
	void indexerKilled() throws Exception {
		Phase phase = Phase.of("indexer", STREAM);
		phase.awaitSearchable(300);
		phase.faultAboutToHit();
		assertThat(indexer.kill()).as("exit code of SIGKILL").isEqualTo(137);
		indexer = startIndexer("faults-indexer-2");
		indexer.awaitLog("Consuming articles", START);
		phase.faultHealed();
		phase.countAndReport("indexer SIGKILL, restarted", "");
	}

	/** The search service killed with SIGKILL mid-stream and started again: it serves every article, once. */
	@Test
	@Order(2)
	void searchServiceKilled() throws Exception {
		Phase phase = Phase.of("search", STREAM);
		phase.awaitSearchable(300);
		phase.faultAboutToHit();
		assertThat(search.kill()).as("exit code of SIGKILL").isEqualTo(137);
		search = startSearch("faults-search-2");
		searchPort = search.port(START);
		phase.faultHealed();
		phase.countAndReport("search service SIGKILL, restarted", "");
	}

	/** Elasticsearch answers 429 to every third bulk request while the whole stream is indexed. */
	@Test
	@Order(3)
	void elasticsearchRejectsBulks() throws Exception {
		Phase phase = Phase.of("es429", STREAM);
		phase.awaitSearchable(200);
		long rejectedBefore = proxy.rejectedBulks();
		phase.faultAboutToHit();
		proxy.rejectEveryNthBulk(3);
		try {
			phase.publishing.get(3, TimeUnit.MINUTES);
			await().atMost(Duration.ofMinutes(5)).until(() -> kit.count(phase.source), (count) -> count == STREAM);
		}
		finally {
			proxy.rejectEveryNthBulk(0);
		}
		phase.faultHealed();
		long rejected = proxy.rejectedBulks() - rejectedBefore;
		assertThat(rejected).as("bulk requests answered 429").isPositive();
		phase.countAndReport("Elasticsearch answers 429 to every 3rd bulk request",
				rejected + " bulk requests answered 429, all retried");
	}

	/** The Kafka broker stopped for 10 s mid-stream and started again on the same port with the same data. */
	@Test
	@Order(4)
	void kafkaBrokerRestarted() throws Exception {
		Phase phase = Phase.of("kafka", STREAM);
		phase.awaitSearchable(300);
		phase.faultAboutToHit();
		outage(stack::stopKafka, stack::startKafka);
		phase.faultHealed();
		phase.countAndReport("Kafka broker stopped 10 s, restarted", "");
	}

	/** Elasticsearch stopped mid-stream and started again (about 40 s away in all). */
	@Test
	@Order(5)
	void elasticsearchRestarted() throws Exception {
		Phase phase = Phase.of("es-restart", STREAM);
		phase.awaitSearchable(300);
		phase.faultAboutToHit();
		outage(stack::stopElasticsearch, stack::startElasticsearch);
		phase.faultHealed();
		phase.countAndReport("Elasticsearch stopped, restarted", "");
	}

	/**
	 * The crawler killed with SIGKILL halfway through a 60-article site and started again: every article
	 * searchable once; then a clean restart republishes nothing, because the crawl state (in Kafka) recorded
	 * every article Kafka acknowledged.
	 */
	@Test
	@Order(6)
	void crawlerKilled() throws Exception {
		int pages = 60;
		try (CrawlSite site = new CrawlSite(pages, ALERT_WORD, ALERT_EVERY)) {
			String source = IndexerTestKit.uniqueSource("crawl");
			Path sources = workDir.resolve("sources.yml");
			Files.writeString(sources, """
					sources:
					  - name: %s
					    url: %s
					    kind: feed
					    pollInterval: 1h
					    allowPrivateAddresses: true
					""".formatted(source, site.feedUrl()));
			Set<String> ids = new HashSet<>(site.articleIds());
			ServiceProcess first = startCrawler("faults-crawler-1", sources);
			await().atMost(Duration.ofMinutes(5)).until(() -> kit.count(source), (count) -> count >= 15);
			assertThat(first.kill()).as("exit code of SIGKILL").isEqualTo(137);
			long searchableAtKill = kit.count(source);
			assertThat(searchableAtKill).as("searchable when killed").isLessThan(pages);
			long alertsAtKill = alertLog.deliveries(alertId, source).size();

			ServiceProcess second = startCrawler("faults-crawler-2", sources);
			second.awaitLog("Crawl scheduler started", START);
			await().atMost(Duration.ofMinutes(5)).until(() -> kit.count(source), (count) -> count == pages);
			kit.awaitNoLag(Duration.ofMinutes(5));
			ExactlyOnce.Tally tally = ExactlyOnce.worst(counter.inElasticsearch(source, ids),
					counter.inSearchApi(searchPort, source, ids));
			AlertMatchLog.Tally alerts = alertLog.settledTally(alertId, source, Set.copyOf(site.markedArticleIds()),
					ALERTS_SETTLE);
			second.close();
			long recordsAfterKill = recordsOf(source);

			ServiceProcess third = startCrawler("faults-crawler-3", sources);
			third.awaitLog("source '" + source + "': ", Duration.ofMinutes(5));
			assertThat(Files.readString(third.log())).contains("source '" + source + "': " + pages + " links, 0 published");
			third.close();
			long recordsAfterRestart = recordsOf(source);

			report.add(new FaultReport.Row("crawler SIGKILL mid-crawl, restarted; then a clean restart", pages,
					pages - searchableAtKill, tally.lost(), tally.duplicates(), alerts.lost(), alerts.duplicated(),
					(recordsAfterKill - pages) + " articles re-sent after the kill (same id, absorbed); "
							+ (recordsAfterRestart - recordsAfterKill) + " re-sent by the clean restart; " + alertsAtKill
							+ " of " + alerts.expected().size() + " alerts delivered when the fault hit"));
			assertThat(tally.lost()).as("lost").isZero();
			assertThat(tally.duplicates()).as("duplicates").isZero();
			assertThat(tally.unexpected()).as("articles nobody published").isZero();
			assertAlertsExactlyOnce(alerts);
			assertThat(recordsAfterRestart).as("a restart republishes nothing").isEqualTo(recordsAfterKill);
		}
	}

	/**
	 * Every service process this class started is gone, and of the stack exactly one broker and one
	 * Elasticsearch node run: the ones stopped by the faults left nothing behind.
	 */
	@Test
	@Order(7)
	void noProcessLeaked() throws InterruptedException {
		for (ServiceProcess process : started) {
			process.close();
		}
		assertThat(started).allSatisfy((process) -> assertThat(process.isAlive()).isFalse());
		List<String> descendants = ProcessHandle.current()
			.descendants()
			.filter(ProcessHandle::isAlive)
			.map(FaultInjectionIntegrationTests::commandLine)
			.toList();
		String listing = descendants.stream()
			.map((command) -> command.substring(Math.max(0, command.length() - 160)))
			.collect(Collectors.joining("\n"));
		assertThat(descendants).as("service processes left:\n%s", listing).noneMatch((command) -> command.contains("-exec.jar"));
		assertThat(descendants.stream().filter((command) -> command.contains(" kafka.Kafka ")).count())
			.as("Kafka brokers running:\n%s", listing).isEqualTo(1);
		assertThat(descendants.stream().filter((command) -> command.contains(" org.elasticsearch.server/org.elasticsearch.bootstrap.Elasticsearch")).count())
			.as("Elasticsearch nodes running:\n%s", listing).isEqualTo(1);
	}

	/** Takes a component away for {@link #OUTAGE} and brings it back, also when the wait is interrupted. */
	private static void outage(Runnable stop, Runnable start) throws InterruptedException {
		stop.run();
		try {
			TimeUnit.MILLISECONDS.sleep(OUTAGE.toMillis()); // the outage itself, not a wait for a result
		}
		finally {
			start.run();
		}
	}

	/** The whole command line: {@link ProcessHandle.Info#commandLine()} cuts long class paths short. */
	private static String commandLine(ProcessHandle process) {
		try {
			return new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline")),
					java.nio.charset.StandardCharsets.UTF_8)
				.replace('\0', ' ');
		}
		catch (IOException ex) {
			return process.info().commandLine().orElse("?");
		}
	}

	private static void assertAlertsExactlyOnce(AlertMatchLog.Tally alerts) {
		assertThat(alerts.expected()).as("articles the alert should match").isNotEmpty();
		assertThat(alerts.lost()).as("alerts lost").isZero();
		assertThat(alerts.duplicated()).as("alerts duplicated").isZero();
		assertThat(alerts.unexpected()).as("alerts for articles that do not match").isZero();
	}

	private static ServiceProcess startIndexer(String name) {
		return track(ServiceProcess.start(Service.INDEXER, stack, proxy.url(), name, INDEXER_ARGS));
	}

	private static ServiceProcess startSearch(String name) {
		return track(ServiceProcess.start(Service.SEARCH, stack, stack.elasticsearchUrl(), name, SEARCH_ARGS));
	}

	private static ServiceProcess startCrawler(String name, Path sources) {
		return track(ServiceProcess.start(Service.CRAWLER, stack, stack.elasticsearchUrl(), name,
				"--newshound.crawler.sources=" + sources, "--newshound.crawler.state-dir=" + workDir.resolve("state"),
				"--newshound.crawler.politeness.min-delay=50ms", SHORT_SESSION));
	}

	private static ServiceProcess track(ServiceProcess process) {
		started.add(process);
		return process;
	}

	/** Records of {@code source} on {@code news.articles.v1}, from the beginning of the topic to its end now. */
	private static long recordsOf(String source) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES)
				.stream()
				.map((info) -> new TopicPartition(Topics.ARTICLES, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			long count = 0;
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.value() != null && EventJson.read(record.value(), ArticleEvent.class).source().equals(source)) {
						count++;
					}
				}
			}
			return count;
		}
	}

	/** One fault's stream: its own source, so that every count is exact. */
	private static final class Phase {

		final String source;

		final Set<String> ids;

		/** The ids the alert must be delivered for: the articles with {@link #ALERT_WORD} in the title. */
		final Set<String> alertIds;

		final int size;

		final CompletableFuture<Void> publishing;

		long searchableAtInjection = -1;

		long alertsAtInjection = -1;

		long publishedAtHeal = -1;

		private Phase(String source, List<ArticleEvent> events) {
			this.source = source;
			this.size = events.size();
			this.ids = events.stream().map(ArticleEvent::articleId).collect(Collectors.toSet());
			this.alertIds = events.stream()
				.filter((event) -> event.title().contains(ALERT_WORD))
				.map(ArticleEvent::articleId)
				.collect(Collectors.toSet());
			this.publishing = stream.publish(events, 10);
		}

		static Phase of(String name, int size) {
			String source = IndexerTestKit.uniqueSource(name);
			List<ArticleEvent> events = new ArrayList<>(IndexerTestKit.articles(source, size));
			for (int i = 0; i < events.size(); i += ALERT_EVERY) {
				events.set(i, retitled(events.get(i), ALERT_WORD + " watch: " + events.get(i).title()));
			}
			return new Phase(source, events);
		}

		private static ArticleEvent retitled(ArticleEvent a, String title) {
			return new ArticleEvent(a.schemaVersion(), a.articleId(), a.url(), a.source(), title, a.body(), a.summary(),
					a.authors(), a.publishedAt(), a.updatedAt(), a.fetchedAt(), a.language(), a.imageUrl(), a.siteName(),
					a.tags(), a.contentHash(), a.storyId());
		}

		void awaitSearchable(int count) {
			await().atMost(Duration.ofMinutes(5)).until(() -> kit.count(this.source), (searchable) -> searchable >= count);
		}

		/** Counted just before the fault, while everything still answers. */
		void faultAboutToHit() throws IOException, InterruptedException {
			this.searchableAtInjection = Math.max(kit.count(this.source), 0);
			this.alertsAtInjection = alertLog.deliveries(alertId, this.source).size();
			assertThat(this.searchableAtInjection).as("the fault hits mid-stream").isLessThan(this.size);
		}

		/** Articles handed to Kafka so far: those sent while the broker was away count as in flight too. */
		void faultHealed() {
			this.publishedAtHeal = stream.sent();
		}

		/** Waits for the stream to be published and consumed, counts by id, adds the row, then asserts. */
		void countAndReport(String fault, String notes) throws Exception {
			this.publishing.get(3, TimeUnit.MINUTES);
			kit.awaitNoLag(Duration.ofMinutes(5));
			await().atMost(Duration.ofMinutes(2)).until(() -> kit.count(this.source), (count) -> count >= this.size);
			ExactlyOnce.Tally tally = ExactlyOnce.worst(counter.inElasticsearch(this.source, this.ids),
					counter.inSearchApi(searchPort, this.source, this.ids));
			AlertMatchLog.Tally alerts = alertLog.settledTally(alertId, this.source, this.alertIds, ALERTS_SETTLE);
			long inFlight = Math.max(this.publishedAtHeal, 0) - this.searchableAtInjection;
			report.add(new FaultReport.Row(fault, this.size, inFlight, tally.lost(), tally.duplicates(), alerts.lost(),
					alerts.duplicated(), (notes.isEmpty() ? "offsets committed to the end of the topic" : notes) + "; "
							+ this.alertsAtInjection + " of " + alerts.expected().size()
							+ " alerts delivered when the fault hit"));
			assertThat(kit.lag()).as("records not committed by the indexer").isZero();
			assertThat(tally.lost()).as("lost").isZero();
			assertThat(tally.duplicates()).as("duplicates").isZero();
			assertThat(tally.unexpected()).as("articles nobody published").isZero();
			assertAlertsExactlyOnce(alerts);
		}

	}

}
