package io.newshound.crawler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.newshound.crawler.cluster.HostPartitioner;
import io.newshound.crawler.cluster.PartitionOwnership;
import io.newshound.crawler.crawl.CrawlScheduler;
import io.newshound.crawler.crawl.PollReport;
import io.newshound.crawler.source.SourceRegistry;
import io.newshound.crawler.source.SourceStatus;
import io.newshound.events.ArticleEvent;
import io.newshound.events.EventDeserializer;
import io.newshound.events.Topics;
import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several crawler instances share the work through Kafka: two instances in this JVM, one consumer
 * group, real local sites on six loopback addresses (six hosts, whose frontier partitions are all
 * different). The second instance joins while the first has requests in flight to every host it is
 * crawling (the article pages answer only once the first instance has started handing hosts over).
 * Every article is published exactly once, by the instance that owns its host; no site ever has two
 * requests in flight at once across the instances; a link to a host that the other instance owns is
 * handed to it; and a third instance started after both stopped takes every host with the state they
 * left and publishes nothing again.
 */
@LocalStackTest
class CrawlerScaleOutIntegrationTests {

	private static final int HOSTS = 6;

	private static final List<String> ARTICLES = List.of("chip-export-rules", "open-model-release", "robotics-lab");

	private final List<TestSite> sites = new ArrayList<>();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	/** Once set, each site's feed also links to an article on the next site. */
	private final AtomicBoolean crossLinks = new AtomicBoolean();

	/** Article pages answer once this is open. */
	private final CountDownLatch gate = new CountDownLatch(1);

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void stop() {
		this.gate.countDown();
		this.instances.forEach(ConfigurableApplicationContext::close);
		this.sites.forEach(TestSite::close);
	}

	@Test
	void twoInstancesShareTheHostsPublishEveryArticleOnceAndNeverFetchOneHostTwiceAtOnce(LocalStack stack,
			@TempDir Path dir) throws Exception {
		Path sources = serveSites(dir);
		ConfigurableApplicationContext first = start(stack, sources, dir, "a");
		// the first instance owns every host and waits for article pages; the second joins then
		await().atMost(Duration.ofSeconds(60)).until(() -> articleRequests() > 0);
		assertThat(ownership(first).active()).hasSize(HOSTS);
		CompletableFuture<Void> opener = CompletableFuture.runAsync(() -> {
			await().atMost(Duration.ofSeconds(90)).until(() -> ownership(first).active().size() < HOSTS);
			this.gate.countDown();
		});
		ConfigurableApplicationContext second = start(stack, sources, dir, "b");

		List<ArticleEvent> published = new CopyOnWriteArrayList<>();
		try (KafkaConsumer<String, ArticleEvent> consumer = consumer(stack)) {
			consumer.subscribe(List.of(Topics.ARTICLES));
			// the hosts are split between the instances, and every local article is published
			opener.get(2, TimeUnit.MINUTES);
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ZERO).untilAsserted(() -> {
				poll(consumer, published);
				Set<Integer> a = ownership(first).active();
				Set<Integer> b = ownership(second).active();
				assertThat(a).isNotEmpty();
				assertThat(b).isNotEmpty();
				assertThat(a).doesNotContainAnyElementsOf(b);
				assertThat(union(a, b)).hasSize(HOSTS);
				assertThat(urls(published)).hasSize(HOSTS * ARTICLES.size());
			});

			// each feed now links to an article on the next host too: at least one such link crosses
			// from one instance's hosts to the other's, and is handed over
			this.crossLinks.set(true);
			pollEverySourceOnItsOwner(first, second);
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ZERO).untilAsserted(() -> {
				poll(consumer, published);
				assertThat(urls(published)).hasSize(HOSTS * (ARTICLES.size() + 1));
			});
			assertThat(forwarded(first) + forwarded(second)).isPositive();

			// a further round of polls by the current owners publishes nothing again
			pollEverySourceOnItsOwner(first, second);
			poll(consumer, published);
			assertThat(published).hasSize(HOSTS * (ARTICLES.size() + 1));
			assertThat(urls(published)).hasSize(published.size());
			// every article was published by the instance that owns its host (four articles a host)
			assertThat(articlesPublished(first)).isEqualTo(4.0 * ownership(first).active().size());
			assertThat(articlesPublished(second)).isEqualTo(4.0 * ownership(second).active().size());
			for (TestSite site : this.sites) {
				assertThat(site.maxConcurrentRequests()).as("requests in flight at once on %s", site.base()).isEqualTo(1);
			}

			// both stop; a new instance takes every host, with the state they left in Kafka
			int articleRequests = articleRequests();
			CompletableFuture.allOf(CompletableFuture.runAsync(first::close), CompletableFuture.runAsync(second::close))
				.get(2, TimeUnit.MINUTES);
			ConfigurableApplicationContext third = start(stack, sources, dir, "c");
			Instant restarted = Instant.now();
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
				assertThat(ownership(third).active()).hasSize(HOSTS);
				assertThat(everySourcePolledSince(restarted, third)).isTrue();
			});
			poll(consumer, published);
			assertThat(published).hasSize(HOSTS * (ARTICLES.size() + 1));
			assertThat(articleRequests()).isEqualTo(articleRequests);
		}
	}

	/**
	 * Six sites on loopback addresses whose frontier partitions (of six) all differ, so that however
	 * Kafka splits the partitions, each instance owns some of the hosts.
	 */
	private Path serveSites(Path dir) throws IOException {
		HostPartitioner partitioner = new HostPartitioner(HOSTS);
		Set<Integer> partitions = new HashSet<>();
		for (int last = 2; this.sites.size() < HOSTS; last++) {
			String address = "127.0.0." + last;
			if (partitions.add(partitioner.partitionOf(address))) {
				this.sites.add(new TestSite(address));
			}
		}
		StringBuilder yaml = new StringBuilder("sources:\n");
		for (int i = 0; i < HOSTS; i++) {
			TestSite site = this.sites.get(i);
			TestSite next = this.sites.get((i + 1) % HOSTS);
			site.route("/feed.xml", (exchange) -> TestSite.send(exchange, 200, "application/rss+xml", feed(site, next)));
			for (String article : ARTICLES) {
				String html = TestSite.fixture("site/" + article + ".html").replace("{{base}}", site.base());
				site.route("/articles/" + article, (exchange) -> slowly(exchange, html));
			}
			String extra = extraArticle(site);
			site.route("/articles/extra", (exchange) -> slowly(exchange, extra));
			yaml.append("  - name: ScaleOut ").append(i).append('\n')
				.append("    url: ").append(site.url("/feed.xml")).append('\n')
				.append("    kind: feed\n    pollInterval: 10s\n    tags: [scale-out]\n    allowPrivateAddresses: true\n");
		}
		Path sources = dir.resolve("sources.yml");
		Files.writeString(sources, yaml);
		return sources;
	}

	/**
	 * Answers once the gate is open, and then after a while, so that two requests to one site in flight
	 * at once would overlap.
	 */
	private void slowly(com.sun.net.httpserver.HttpExchange exchange, String html) throws IOException {
		try {
			this.gate.await(2, TimeUnit.MINUTES);
			Thread.sleep(150);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		TestSite.send(exchange, 200, "text/html; charset=utf-8", html);
	}

	private String feed(TestSite site, TestSite next) {
		StringBuilder items = new StringBuilder();
		for (String article : ARTICLES) {
			items.append("<item><title>").append(article).append("</title><link>")
				.append(site.url("/articles/" + article)).append("</link></item>");
		}
		if (this.crossLinks.get()) {
			items.append("<item><title>Elsewhere</title><link>").append(next.url("/articles/extra")).append("</link></item>");
		}
		return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + site.base() + "</title><link>"
				+ site.base() + "/</link><description>scale-out fixture</description>" + items + "</channel></rss>";
	}

	private static String extraArticle(TestSite site) {
		String words = "The lab on " + site.base() + " reported results that no other host in this test repeats. ";
		return "<!doctype html><html lang=\"en\"><head><title>Report from " + site.base() + "</title>"
				+ "<link rel=\"canonical\" href=\"" + site.url("/articles/extra") + "\"></head><body><article><h1>Report from "
				+ site.base() + "</h1><p>" + words.repeat(6) + "</p><p>" + words.repeat(5) + "</p></article></body></html>";
	}

	private ConfigurableApplicationContext start(LocalStack stack, Path sources, Path dir, String name) {
		ConfigurableApplicationContext context = CrawlerApplication.application()
			.run("--server.port=0", "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
					"--newshound.crawler.sources=" + sources, "--newshound.crawler.state-dir=" + dir.resolve(name),
					"--newshound.crawler.cluster.group=crawler-scale-out-" + this.run,
					"--newshound.crawler.cluster.frontier-topic=scale-out-" + this.run + ".frontier",
					"--newshound.crawler.cluster.state-topic=scale-out-" + this.run + ".state",
					"--newshound.crawler.cluster.partitions=" + HOSTS, "--newshound.crawler.concurrency=3",
					"--newshound.crawler.politeness.min-delay=100ms");
		this.instances.add(context);
		return context;
	}

	/** Polls every source now, on the instance that owns its host, and waits for the polls to end. */
	private void pollEverySourceOnItsOwner(ConfigurableApplicationContext... instances) throws Exception {
		List<CompletableFuture<PollReport>> polls = new ArrayList<>();
		for (int i = 0; i < HOSTS; i++) {
			String host = this.sites.get(i).url("/").getHost();
			for (ConfigurableApplicationContext instance : instances) {
				if (ownership(instance).owns(host)) {
					polls.add(instance.getBean(CrawlScheduler.class).pollNow("ScaleOut " + i));
				}
			}
		}
		assertThat(polls).hasSize(HOSTS);
		CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new)).get(1, TimeUnit.MINUTES);
	}

	private static PartitionOwnership ownership(ConfigurableApplicationContext instance) {
		return instance.getBean(PartitionOwnership.class);
	}

	private static double forwarded(ConfigurableApplicationContext instance) {
		return instance.getBean(MeterRegistry.class).counter("newshound.crawler.links.forwarded").count();
	}

	private static double articlesPublished(ConfigurableApplicationContext instance) {
		return instance.getBean(MeterRegistry.class).counter("newshound.crawler.articles.published").count();
	}

	/** Whether every source has been polled successfully since {@code since} by one of the instances. */
	private static boolean everySourcePolledSince(Instant since, ConfigurableApplicationContext... instances) {
		Set<String> polled = new HashSet<>();
		for (ConfigurableApplicationContext instance : instances) {
			for (var health : instance.getBean(SourceRegistry.class).all()) {
				SourceStatus status = health.status();
				if (status.lastSuccess() != null && status.lastSuccess().isAfter(since)) {
					polled.add(status.name());
				}
			}
		}
		return polled.size() == HOSTS;
	}

	private int articleRequests() {
		return this.sites.stream().mapToInt((site) -> (int) site.requests().stream()
			.filter((request) -> request.path().startsWith("/articles/"))
			.count()).sum();
	}

	private static Set<Integer> union(Set<Integer> a, Set<Integer> b) {
		Set<Integer> union = new HashSet<>(a);
		union.addAll(b);
		return union;
	}

	private static Set<String> urls(List<ArticleEvent> events) {
		return events.stream().map(ArticleEvent::url).collect(Collectors.toSet());
	}

	private static void poll(KafkaConsumer<String, ArticleEvent> consumer, List<ArticleEvent> into) {
		consumer.poll(Duration.ofMillis(300)).forEach((record) -> {
			if (record.value().tags().contains("scale-out")) {
				into.add(record.value());
			}
		});
	}

	private static KafkaConsumer<String, ArticleEvent> consumer(LocalStack stack) {
		Properties properties = new Properties();
		properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "scale-out-it-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
		return new KafkaConsumer<>(properties, new StringDeserializer(), EventDeserializer.articles());
	}

}
