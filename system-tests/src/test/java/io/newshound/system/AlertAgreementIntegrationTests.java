package io.newshound.system;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.newshound.corpus.NewsCorpus;
import io.newshound.events.ArticleEvent;
import io.newshound.events.ArticleIds;
import io.newshound.events.EventJson;
import io.newshound.events.Topics;
import io.newshound.indexer.IndexerApplication;
import io.newshound.search.SearchApplication;
import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackTest;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerts match what search finds: 34 alerts (words, stemming, synonyms, phrases, prefixes, AND/OR/NOT, scopes and the
 * source, tag and language filters) are created, then a generated corpus is published through the real indexer; each
 * alert's matches (its Atom feed) equal every article that {@code /api/search} returns for the same query and
 * filters, all pages followed and collapsed stories unfolded. The corpus gets fresh URLs for this run, and the search
 * service reads an alias that holds exactly those articles.
 */
@LocalStackTest
class AlertAgreementIntegrationTests {

	/**
	 * Appended to the corpus's source names: the other search tests' aliases select the corpus by its sources, and
	 * this test's copies of the corpus must not show up there.
	 */
	private static final String SOURCE_SUFFIX = " (agreement)";

	private static final List<Spec> SPECS = List.of(new Spec("nvidia"), new Spec("openai"), new Spec("anthropic"),
			new Spec("\"open weights\""), new Spec("LLMs"), new Spec("large language models"), new Spec("acquires"),
			new Spec("nvidia OR amd"), new Spec("nvidia -earnings"), new Spec("anthropic NOT claude"),
			new Spec("agent*"), new Spec("(nvidia OR amd) -earnings"), new Spec("title:nvidia"),
			new Spec("title:(gpu OR chips)"), new Spec("tag:policy"), new Spec("source:\"Silicon Ledger (agreement)\""),
			new Spec("microsoft openai partnership"), new Spec("data centre OR data center"), new Spec("funding round"),
			new Spec("\"chief scientist\""), new Spec("safety OR regulation"), new Spec("NVDA"), new Spec("inference"),
			new Spec("google | deepmind"), new Spec("fine-tune"), new Spec("reason*"), new Spec("\"prompt injection\""),
			new Spec("export -nvidia"), new Spec("title:\"open weights\" OR open-source"),
			new Spec("nvidia", "Silicon Ledger" + SOURCE_SUFFIX, null, null), new Spec("model", null, "research", null),
			new Spec("openai OR anthropic", null, "models", "en"), new Spec("Rechenzentren OR Version", null, null, "de"),
			new Spec("Crème brûlée OR creme"));

	private record Spec(String query, String source, String tag, String lang) {

		Spec(String query) {
			this(query, null, null, null);
		}

	}

	private static final Pattern ENTRY = Pattern.compile("<id>urn:newshound:article:([^<]+)</id>");

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static LocalStack stack;

	private static ConfigurableApplicationContext indexer;

	private static ConfigurableApplicationContext search;

	private static final String ALIAS = "alert-agreement-" + UUID.randomUUID().toString().substring(0, 8);

	private static List<ArticleEvent> corpus;

	@BeforeAll
	static void start(LocalStack localStack) throws Exception {
		stack = localStack;
		String run = UUID.randomUUID().toString().substring(0, 8);
		corpus = NewsCorpus.generate(20261130L, 200, NewsCorpus.ANCHOR).articles().stream().map((article) -> {
			String url = article.url() + "?run=" + run;
			return new ArticleEvent(1, ArticleIds.of(url), url, article.source() + SOURCE_SUFFIX, article.title(), article.body(),
					article.summary(), article.authors(), article.publishedAt(), article.updatedAt(), article.fetchedAt(),
					article.language(), article.imageUrl(), article.siteName(), article.tags(), article.contentHash(),
					(article.storyId() != null) ? run + "-" + article.storyId() : null);
		}).toList();
		indexer = RunningServices.run(IndexerApplication.application(), stack);
		String index = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
			JsonNode aliases = elasticsearch("GET", "/_alias/news-articles", null);
			return (aliases.isObject() && !aliases.has("error") && aliases.propertyNames().iterator().hasNext())
					? aliases.propertyNames().iterator().next() : null;
		}, (name) -> name != null);
		JsonNode created = elasticsearch("POST", "/_aliases", AlertKit.JSON.writeValueAsString(Map.of("actions",
				List.of(Map.of("add", Map.of("index", index, "alias", ALIAS, "filter",
						Map.of("terms", Map.of("source", corpus.stream().map(ArticleEvent::source).distinct().toList()))))))));
		assertThat(created.path("acknowledged").asBoolean()).isTrue();
		search = RunningServices.run(SearchApplication.application(), stack, "--newshound.search.alias=" + ALIAS,
				"--newshound.search.rate-limit.requests-per-second=1000", "--newshound.search.rate-limit.burst=1000");
		AlertKit.awaitAlertsRunning(search);
	}

	@AfterAll
	static void stop() throws Exception {
		if (search != null) {
			search.close();
		}
		if (indexer != null) {
			indexer.close();
		}
		elasticsearch("POST", "/_aliases", AlertKit.JSON.writeValueAsString(
				Map.of("actions", List.of(Map.of("remove", Map.of("index", "*", "alias", ALIAS))))));
	}

	/** For every query and filters: the alert's matches are exactly the search's results, and not all are empty. */
	@Test
	void alertsMatchExactlyWhatSearchFinds() throws Exception {
		Map<Spec, JsonNode> alerts = new LinkedHashMap<>();
		for (Spec spec : SPECS) {
			Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "agreement " + spec.query(), "query", spec.query()));
			if (spec.source() != null) {
				body.put("source", List.of(spec.source()));
			}
			if (spec.tag() != null) {
				body.put("tag", List.of(spec.tag()));
			}
			if (spec.lang() != null) {
				body.put("lang", spec.lang());
			}
			alerts.put(spec, AlertKit.create(search, body));
		}
		publish(corpus);
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
			.until(() -> elasticsearch("POST", "/" + ALIAS + "/_count", "{}").path("count").asLong() == corpus.size());

		Set<String> ours = corpus.stream().map(ArticleEvent::articleId).collect(Collectors.toSet());
		Map<Spec, Set<String>> expected = new LinkedHashMap<>();
		for (Spec spec : SPECS) {
			expected.put(spec, searchAll(spec));
		}
		Map<Spec, Set<String>> matched = new LinkedHashMap<>();
		try {
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				for (Spec spec : SPECS) {
					Set<String> ids = feed(alerts.get(spec));
					ids.retainAll(ours);
					matched.put(spec, ids);
				}
				return matched.equals(expected);
			});
		}
		finally {
			for (Spec spec : SPECS) {
				Set<String> onlyAlert = new TreeSet<>(matched.getOrDefault(spec, Set.of()));
				onlyAlert.removeAll(expected.get(spec));
				Set<String> onlySearch = new TreeSet<>(expected.get(spec));
				onlySearch.removeAll(matched.getOrDefault(spec, Set.of()));
				if (!onlyAlert.isEmpty() || !onlySearch.isEmpty()) {
					System.err.println("disagreement on " + spec + ": only alerted " + titles(onlyAlert) + ", only found "
							+ titles(onlySearch));
				}
			}
		}
		assertThat(matched).isEqualTo(expected);
		assertThat(expected.values().stream().filter((ids) -> !ids.isEmpty()).count()).isGreaterThanOrEqualTo(28);
		assertThat(expected.values().stream().mapToInt(Set::size).sum()).isGreaterThan(200);
	}

	/** Every article of every page: each hit and the other sources of its story. */
	private static Set<String> searchAll(Spec spec) throws Exception {
		Set<String> ids = new TreeSet<>();
		String cursor = null;
		do {
			StringBuilder query = new StringBuilder("/api/search?size=100&q=" + encode(spec.query()));
			if (spec.source() != null) {
				query.append("&source=").append(encode(spec.source()));
			}
			if (spec.tag() != null) {
				query.append("&tag=").append(encode(spec.tag()));
			}
			if (spec.lang() != null) {
				query.append("&lang=").append(encode(spec.lang()));
			}
			if (cursor != null) {
				query.append("&cursor=").append(encode(cursor));
			}
			AlertKit.Response response = AlertKit.call(search, "GET", query.toString(), null, null);
			assertThat(response.status()).as(spec + ": " + response.text()).isEqualTo(200);
			JsonNode page = response.json();
			for (JsonNode hit : page.path("hits")) {
				ids.add(hit.path("id").asString());
				assertThat(hit.path("storyCount").asInt()).as("every copy listed").isEqualTo(1 + hit.path("otherSources").size());
				for (JsonNode other : hit.path("otherSources")) {
					ids.add(other.path("id").asString());
				}
			}
			cursor = page.path("nextCursor").isString() ? page.path("nextCursor").asString() : null;
		}
		while (cursor != null);
		return ids;
	}

	private static Set<String> feed(JsonNode alert) {
		AlertKit.Response response = AlertKit.call(search, "GET",
				"/api/alerts/" + alert.path("id").asString() + "/feed.atom?size=1000", null, alert.path("token").asString());
		assertThat(response.status()).isEqualTo(200);
		Set<String> ids = new TreeSet<>();
		Matcher matcher = ENTRY.matcher(response.text());
		while (matcher.find()) {
			ids.add(matcher.group(1));
		}
		return ids;
	}

	private static List<String> titles(Set<String> ids) {
		return corpus.stream().filter((article) -> ids.contains(article.articleId())).map(ArticleEvent::title).toList();
	}

	private static void publish(List<ArticleEvent> articles) throws Exception {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(properties, new StringSerializer(),
				new ByteArraySerializer())) {
			List<java.util.concurrent.Future<?>> sends = new ArrayList<>();
			for (ArticleEvent article : articles) {
				sends.add(producer.send(new ProducerRecord<>(Topics.ARTICLES, article.articleId(), EventJson.write(article))));
			}
			for (java.util.concurrent.Future<?> send : sends) {
				send.get();
			}
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static JsonNode elasticsearch(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json");
		request.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return AlertKit.JSON.readTree(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());
	}

}
