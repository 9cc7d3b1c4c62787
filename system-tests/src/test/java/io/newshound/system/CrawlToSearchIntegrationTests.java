package io.newshound.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import io.newshound.launcher.demo.DemoSite;
import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton end to end: a real local site with an RSS feed → crawler → real Kafka →
 * indexer → real Elasticsearch → {@code GET /api/search}.
 */
@LocalStackTest
class CrawlToSearchIntegrationTests {

	private static final String PARTNERSHIP_TITLE = "Microsoft and OpenAI sign memorandum of understanding on the next phase of their partnership";

	@TempDir
	static Path workDir;

	static DemoSite site;

	static RunningServices services;

	@BeforeAll
	static void startPipeline(LocalStack stack) throws IOException {
		site = DemoSite.start(0);
		Path sources = workDir.resolve("sources.yml");
		Files.writeString(sources, """
				sources:
				  - name: Newshound Demo
				    url: %s
				    kind: feed
				    pollInterval: 1m
				    tags: [demo]
				    allowPrivateAddresses: true
				  - name: Unmarked Local
				    url: %s
				    kind: feed
				    pollInterval: 1m
				""".formatted(site.feedUrl(), site.feedUrl()));
		services = RunningServices.start(stack, sources, workDir.resolve("crawler-state"));
	}

	@AfterAll
	static void stopPipeline() {
		if (services != null) {
			services.close();
		}
		if (site != null) {
			site.close();
		}
	}

	/** The crawled partnership article comes first for the query a reader would type. */
	@Test
	void crawledArticleIsFoundBySearch() {
		JsonNode result = await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> services.search("microsoft openai partnership"), (body) -> body.path("total").asLong() > 0);
		JsonNode first = result.path("hits").path(0);
		assertThat(first.path("title").asString()).isEqualTo(PARTNERSHIP_TITLE);
		assertThat(first.path("url").asString())
			.isEqualTo(site.baseUrl() + "/articles/openai-microsoft-next-phase-partnership.html");
		assertThat(first.path("source").asString()).isEqualTo("Newshound Demo");
		assertThat(first.path("snippet").asString()).contains("<mark>");
	}

	/** Every article of the feed becomes searchable, once: no duplicates from the second source or a re-poll. */
	@Test
	void everyDemoArticleIsIndexedOnce() {
		JsonNode all = await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> services.searchSource("Newshound Demo"), (body) -> body.path("total").asLong() >= 6);
		assertThat(all.path("total").asLong()).isEqualTo(6);
	}

	/** A loopback feed that its source does not allow is refused and reported on that source. */
	@Test
	void loopbackSourceWithoutPermissionIsRefused() {
		JsonNode unmarked = await().atMost(Duration.ofMinutes(1))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> source(services.crawlerSources(), "Unmarked Local"),
					(source) -> !source.path("lastError").isMissingNode() && !source.path("lastError").isNull());
		assertThat(unmarked.path("lastError").asString()).contains("loopback");
	}

	private static JsonNode source(JsonNode sources, String name) {
		for (JsonNode source : sources) {
			if (name.equals(source.path("name").asString())) {
				return source;
			}
		}
		throw new AssertionError("no source named " + name + " in " + sources);
	}

}
