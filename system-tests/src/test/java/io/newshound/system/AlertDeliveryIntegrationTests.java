package io.newshound.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
 * Topic alerts end to end on the real broker, node, indexer and search service: an article published after an alert
 * was created reaches its stream and its webhook (signed), one that does not match reaches neither, a restart of the
 * search service loses nothing and repeats nothing for a client that reconnects with {@code Last-Event-ID}, once-per-
 * story alerts once per story, and a wrong token, or another alert's token, is an unknown id.
 */
@LocalStackTest
class AlertDeliveryIntegrationTests {

	private static final String SOURCE = "Alert Wire " + UUID.randomUUID().toString().substring(0, 6);

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static LocalStack stack;

	private static ConfigurableApplicationContext indexer;

	private static volatile ConfigurableApplicationContext search;

	private static KafkaProducer<String, byte[]> producer;

	private static AlertKit.Receiver receiver;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start(LocalStack localStack) throws Exception {
		stack = localStack;
		indexer = RunningServices.run(IndexerApplication.application(), stack);
		search = startSearch();
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
		receiver = new AlertKit.Receiver();
	}

	private static ConfigurableApplicationContext startSearch() {
		ConfigurableApplicationContext context = RunningServices.run(SearchApplication.application(), stack,
				"--newshound.alerts.webhook.allow-private-addresses=true", "--newshound.alerts.heartbeat=2s",
				"--newshound.search.rate-limit.requests-per-second=1000", "--newshound.search.rate-limit.burst=1000");
		AlertKit.awaitAlertsRunning(context);
		return context;
	}

	@AfterAll
	static void stop() {
		if (receiver != null) {
			receiver.close();
		}
		if (producer != null) {
			producer.close();
		}
		if (search != null) {
			search.close();
		}
		if (indexer != null) {
			indexer.close();
		}
	}

	/**
	 * A matching article arrives on the stream and, signed with the alert's secret, at the webhook; an article that does
	 * not match arrives at neither: a second alert that does match it proves it was matched before the first article.
	 */
	@Test
	void matchingArticleArrivesOnStreamAndWebhookAndOtherDoesNot() throws Exception {
		JsonNode alert = AlertKit.create(search, Map.of("name", "Zephyrion", "query", "zephyrion reactor",
				"source", List.of(SOURCE), "webhook", Map.of("url", receiver.url())));
		String token = alert.path("token").asString();
		assertThat(token).hasSizeGreaterThanOrEqualTo(22);
		assertThat(alert.path("streamUrl").asString()).isEqualTo("/api/alerts/" + alert.path("id").asString() + "/stream");
		String secret = alert.path("webhook").path("secret").asString();
		assertThat(secret).isNotEmpty();
		JsonNode sentinel = AlertKit.create(search, Map.of("name", "Sentinel", "query", "quillback"));
		try (AlertKit.Stream stream = AlertKit.Stream.open(search, alert.path("id").asString(), token, null);
				AlertKit.Stream sentinelStream = AlertKit.Stream.open(search, sentinel.path("id").asString(),
						sentinel.path("token").asString(), null)) {
			ArticleEvent other = article("Quillback fusion reactor startup raises funds",
					"The quillback team builds a fusion reactor; nothing about the word the alert wants.", null);
			publish(other);
			await().atMost(WAIT).until(() -> sentinelStream.articleIds().contains(other.articleId()));

			ArticleEvent matching = article("Zephyrion reactors go online",
					"Zephyrion switched on two reactors for its AI data centres in Finland.", null);
			publish(matching);
			await().atMost(WAIT).until(() -> stream.articleIds().contains(matching.articleId()));
			await().atMost(WAIT).until(() -> receiver.articleIds().contains(matching.articleId()));

			assertThat(stream.articleIds()).containsExactly(matching.articleId());
			AlertKit.Event event = stream.events.get(0);
			assertThat(event.event()).isEqualTo("match");
			assertThat(event.id()).matches("\\d+-\\d+");
			JsonNode data = event.json();
			assertThat(data.path("alertId").asString()).isEqualTo(alert.path("id").asString());
			assertThat(data.path("title").asString()).isEqualTo(matching.title());
			assertThat(data.path("url").asString()).isEqualTo(matching.url());
			assertThat(data.path("source").asString()).isEqualTo(SOURCE);
			assertThat(data.path("publishedAt").asString()).isEqualTo(matching.publishedAt().toString());

			List<AlertKit.Receiver.Call> calls = receiver.calls.stream()
				.filter((call) -> call.json().path("alertId").asString().equals(alert.path("id").asString()))
				.toList();
			assertThat(calls).hasSize(1);
			AlertKit.Receiver.Call call = calls.get(0);
			String signature = call.header("X-Newshound-Signature");
			assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
			String t = signature.substring(2, signature.indexOf(','));
			String v1 = signature.substring(signature.indexOf("v1=") + 3);
			assertThat(v1).isEqualTo(hmac(secret, t + "." + new String(call.body(), java.nio.charset.StandardCharsets.UTF_8)));
			assertThat(Math.abs(Long.parseLong(t) - Instant.now().getEpochSecond())).isLessThan(300);
			assertThat(call.json().path("articleId").asString()).isEqualTo(matching.articleId());
			assertThat(call.header("Content-Type")).startsWith("application/json");

			JsonNode state = AlertKit.call(search, "GET", "/api/alerts/" + alert.path("id").asString(), null, token).json();
			assertThat(state.path("webhook").path("state").asString()).isEqualTo("ACTIVE");
			assertThat(state.path("webhook").has("secret")).isFalse();
			assertThat(state.has("token")).isFalse();
		}
	}

	/** Without the right token an alert is indistinguishable from one that does not exist: status, headers, bytes. */
	@Test
	void wrongTokenAnswersExactlyLikeAnUnknownId() {
		JsonNode alert = AlertKit.create(search, Map.of("name", "Secret", "query", "nvidia"));
		String id = alert.path("id").asString();
		String token = alert.path("token").asString();
		String unknown = "AAAAAAAAAAAAAAAAAAAAAA";
		for (String suffix : List.of("", "/stream", "/feed.atom")) {
			AlertKit.Response unknownId = AlertKit.call(search, "GET", "/api/alerts/" + unknown + suffix, null, token);
			AlertKit.Response wrongToken = AlertKit.call(search, "GET", "/api/alerts/" + id + suffix, null, token + "x");
			AlertKit.Response noToken = AlertKit.call(search, "GET", "/api/alerts/" + id + suffix, null, null);
			assertThat(unknownId.status()).isEqualTo(404);
			assertThat(unknownId.json().path("title").asString()).isEqualTo("Alert not found");
			for (AlertKit.Response response : List.of(wrongToken, noToken)) {
				assertThat(response.status()).isEqualTo(unknownId.status());
				assertThat(response.body()).isEqualTo(unknownId.body());
				assertThat(response.headers()).isEqualTo(unknownId.headers());
			}
		}
		assertThat(AlertKit.call(search, "PATCH", "/api/alerts/" + id, Map.of("paused", true), "wrong").body())
			.isEqualTo(AlertKit.call(search, "PATCH", "/api/alerts/" + unknown, Map.of("paused", true), token).body());
		assertThat(AlertKit.call(search, "DELETE", "/api/alerts/" + id, null, "wrong").status()).isEqualTo(404);
		assertThat(AlertKit.call(search, "GET", "/api/alerts/" + id, null, token).status()).isEqualTo(200);
	}

	/**
	 * Alert A's own, valid token opens nothing of alert B: reading it, its stream and its feed, changing it and
	 * deleting it each answer exactly what the same call answers for an id that does not exist (status, headers,
	 * bytes), with the token as a header or as the {@code token} parameter; afterwards B reads back unchanged.
	 */
	@Test
	void anotherAlertsTokenReadsAndChangesNothing() {
		JsonNode a = AlertKit.create(search, Map.of("name", "Mine", "query", "anthropic"));
		JsonNode b = AlertKit.create(search, Map.of("name", "Theirs", "query", "mistral", "source", List.of(SOURCE)));
		String tokenA = a.path("token").asString();
		String idB = b.path("id").asString();
		String tokenB = b.path("token").asString();
		String unknown = "AAAAAAAAAAAAAAAAAAAAAA";
		AlertKit.Response before = AlertKit.call(search, "GET", "/api/alerts/" + idB, null, tokenB);
		assertThat(before.status()).isEqualTo(200);

		Map<String, Object> hijack = Map.of("name", "Hijacked", "query", "anything", "paused", true);
		record Call(String method, String suffix, Object body) {
		}
		List<Call> calls = List.of(new Call("GET", "", null), new Call("GET", "/stream", null),
				new Call("GET", "/feed.atom", null), new Call("PATCH", "", hijack), new Call("DELETE", "", null));
		for (Call call : calls) {
			AlertKit.Response asUnknown = AlertKit.call(search, call.method(), "/api/alerts/" + unknown + call.suffix(),
					call.body(), tokenA);
			AlertKit.Response withHeader = AlertKit.call(search, call.method(), "/api/alerts/" + idB + call.suffix(),
					call.body(), tokenA);
			AlertKit.Response withParameter = AlertKit.call(search, call.method(),
					"/api/alerts/" + idB + call.suffix() + "?token=" + tokenA, call.body(), null);
			assertThat(asUnknown.status()).as("%s %s", call.method(), call.suffix()).isEqualTo(404);
			for (AlertKit.Response response : List.of(withHeader, withParameter)) {
				assertThat(response.status()).as("%s %s", call.method(), call.suffix()).isEqualTo(asUnknown.status());
				assertThat(response.body()).as("%s %s", call.method(), call.suffix()).isEqualTo(asUnknown.body());
				assertThat(response.headers()).as("%s %s", call.method(), call.suffix()).isEqualTo(asUnknown.headers());
			}
		}

		AlertKit.Response after = AlertKit.call(search, "GET", "/api/alerts/" + idB, null, tokenB);
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.body()).as("B as its owner reads it").isEqualTo(before.body());
		assertThat(after.json().path("name").asString()).isEqualTo("Theirs");
		assertThat(after.json().path("paused").asBoolean()).isFalse();
		assertThat(AlertKit.call(search, "GET", "/api/alerts/" + a.path("id").asString(), null, tokenA).status())
			.as("A's token still opens A").isEqualTo(200);
	}

	/**
	 * A client saw one match; the search service stops; two more matching articles, and a repeated announcement of
	 * the first, are indexed while it is down; after the restart the client reconnects with the last event id and gets
	 * the two it missed, once each, and then live matches, with nothing repeated.
	 */
	/**
	 * A bad request to each kind of alert endpoint (creating, the feed, the stream) answers 400 with a problem detail
	 * that names the parameter at fault.
	 */
	@Test
	void badRequestsToEachEndpointNameTheParameterAtFault() throws Exception {
		AlertKit.Response noQuery = AlertKit.call(search, "POST", "/api/alerts", Map.of("name", "No query"), null);
		JsonNode alert = AlertKit.create(search, Map.of("name", "Valid", "query", "openai"));
		String id = alert.path("id").asString();
		String token = alert.path("token").asString();
		AlertKit.Response feed = AlertKit.call(search, "GET", "/api/alerts/" + id + "/feed.atom?size=0", null, token);
		HttpResponse<String> stream = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(AlertKit.base(search) + "/api/alerts/" + id + "/stream"))
				.header("Authorization", "Bearer " + token)
				.header("Last-Event-ID", "not-an-event-id")
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(List.of(noQuery.status(), feed.status(), stream.statusCode())).containsOnly(400);
		assertThat(noQuery.json().path("parameter").asString()).isEqualTo("query");
		assertThat(feed.json().path("parameter").asString()).isEqualTo("size");
		assertThat(AlertKit.JSON.readTree(stream.body()).path("parameter").asString()).isEqualTo("Last-Event-ID");
		assertThat(stream.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void restartThenReconnectWithLastEventIdReplaysWhatWasMissedOnce() throws Exception {
		JsonNode alert = AlertKit.create(search, Map.of("name", "Restart", "query", "velkaris", "source", List.of(SOURCE)));
		String id = alert.path("id").asString();
		String token = alert.path("token").asString();
		ArticleEvent first = article("Velkaris opens a lab", "Velkaris opens an AI lab in Oslo.", null);
		String lastEventId;
		try (AlertKit.Stream stream = AlertKit.Stream.open(search, id, token, null)) {
			publish(first);
			await().atMost(WAIT).until(() -> stream.articleIds().contains(first.articleId()));
			lastEventId = stream.events.get(0).id();
		}
		search.close();
		ArticleEvent second = article("Velkaris ships a model", "The Velkaris model is open weights.", null);
		ArticleEvent third = article("Velkaris hires a chief scientist", "Velkaris names a chief scientist.", null);
		publish(second);
		publish(third);
		publish(again(first));
		awaitIndexed(second.articleId());
		awaitIndexed(third.articleId());
		search = startSearch();
		try (AlertKit.Stream stream = AlertKit.Stream.open(search, id, token, lastEventId)) {
			await().atMost(WAIT).until(() -> stream.articleIds().containsAll(List.of(second.articleId(), third.articleId())));
			ArticleEvent fourth = article("Velkaris raises a round", "Velkaris raises money for compute.", null);
			publish(fourth);
			await().atMost(WAIT).until(() -> stream.articleIds().contains(fourth.articleId()));
			assertThat(stream.articleIds()).containsExactlyInAnyOrder(second.articleId(), third.articleId(),
					fourth.articleId());
			assertThat(stream.articleIds().get(2)).isEqualTo(fourth.articleId());
		}
	}

	/**
	 * Three sources carrying one story make one alert with once-per-story; without it, three. Checked after a later
	 * article reached both alerts, so every copy had been matched by then.
	 */
	@Test
	void oncePerStoryAlertsOncePerStory() throws Exception {
		JsonNode once = AlertKit.create(search, Map.of("name", "Once", "query", "orbitrex", "oncePerStory", true));
		JsonNode every = AlertKit.create(search, Map.of("name", "Every", "query", "orbitrex"));
		String story = "story-" + UUID.randomUUID();
		try (AlertKit.Stream onceStream = AlertKit.Stream.open(search, once.path("id").asString(),
				once.path("token").asString(), null);
				AlertKit.Stream everyStream = AlertKit.Stream.open(search, every.path("id").asString(),
						every.path("token").asString(), null)) {
			List<ArticleEvent> copies = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				copies.add(article("Orbitrex buys a chip designer (copy " + i + ")",
						"Orbitrex agreed to buy a chip designer, people familiar said.", story));
			}
			for (ArticleEvent copy : copies) {
				publish(copy);
			}
			await().atMost(WAIT).until(() -> everyStream.articleIds().size() == 3);
			ArticleEvent later = article("Orbitrex closes the deal", "Orbitrex closed the chip deal.", null);
			publish(later);
			await().atMost(WAIT).until(() -> onceStream.articleIds().contains(later.articleId())
					&& everyStream.articleIds().contains(later.articleId()));
			assertThat(onceStream.articleIds()).hasSize(2).endsWith(later.articleId());
			assertThat(copies.stream().map(ArticleEvent::articleId)).contains(onceStream.articleIds().get(0));
			assertThat(everyStream.articleIds()).hasSize(4);
		}
	}

	private static ArticleEvent article(String title, String body, String storyId) {
		String url = "https://alertwire.example/" + UUID.randomUUID();
		Instant now = Instant.now();
		return new ArticleEvent(1, ArticleIds.of(url), url, SOURCE, title, body, null, List.of("Test Writer"),
				now.minusSeconds(60), now, now, "en", null, SOURCE, List.of(), UUID.randomUUID().toString(), storyId);
	}

	/** The same article announced again (a newer update, so the indexer writes and announces it once more). */
	private static ArticleEvent again(ArticleEvent article) {
		return new ArticleEvent(1, article.articleId(), article.url(), article.source(), article.title(), article.body(),
				article.summary(), article.authors(), article.publishedAt(), article.updatedAt().plusSeconds(1),
				article.fetchedAt(), article.language(), null, article.siteName(), article.tags(), article.contentHash(),
				article.storyId());
	}

	private static void publish(ArticleEvent article) throws Exception {
		producer.send(new ProducerRecord<>(Topics.ARTICLES, article.articleId(), EventJson.write(article))).get();
	}

	private void awaitIndexed(String articleId) {
		await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
			HttpRequest request = HttpRequest.newBuilder(URI.create(stack.elasticsearchUrl() + "/news-articles/_doc/" + articleId))
				.build();
			return this.http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
		});
	}

	private static String hmac(String secret, String text) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

}
