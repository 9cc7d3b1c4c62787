package io.newshound.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

import io.newshound.corpus.Landmark;
import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackTest;

import static io.newshound.system.SearchHits.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The search service never blocks an event-loop thread: BlockHound instruments the JVM, and every endpoint is
 * exercised on the real service against the real node. A blocking call on a thread that must not block (Netty's
 * event loops and Reactor's non-blocking schedulers, where the service hands every Elasticsearch response) is
 * recorded with its stack and fails the test; a canary proves the detector sees both kinds of thread.
 *
 * <p>The Elasticsearch client's own threads are not watched: its pool's idle workers wait on a queue by design,
 * the JDK initialises classes there (reading files once), and an error thrown inside Apache's I/O reactor breaks
 * the client; the service runs none of its code on them.
 *
 * <p>BlockHound is installed here rather than by {@code blockhound-junit-platform}, and only reports while this
 * class runs ({@link #WATCHING}): the other test classes of the JVM run the crawler and the indexer, which are not
 * this test's subject, and must not fail because of it.
 */
@LocalStackTest
class SearchNonBlockingIntegrationTests {

	static final AtomicBoolean WATCHING = new AtomicBoolean();

	static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();

	static SearchFixture fixture;

	@BeforeAll
	static void installBlockHoundAndStart(LocalStack stack) throws Exception {
		BlockHound.install(new WatchWhileThisClassRuns());
		fixture = new SearchFixture(stack, List.of());
		WATCHING.set(true);
	}

	@AfterAll
	static void stop() throws Exception {
		WATCHING.set(false);
		if (fixture != null) {
			fixture.close();
		}
	}

	@BeforeEach
	void clearViolations() {
		VIOLATIONS.clear();
	}

	/** Every endpoint and every way it answers, with no blocking call on a non-blocking thread. */
	@Test
	void noEndpointBlocksAnEventLoop() {
		String q = "nvidia OR \"open weights\" OR agent*";
		Map<String, Integer> statuses = new LinkedHashMap<>();
		try {
			exercise(q, statuses);
		}
		finally {
			assertThat(VIOLATIONS).isEmpty();
		}
		assertThat(statuses).containsExactly(entry("next page", 200), entry("recent, filtered", 200),
				entry("everything", 200), entry("synonym", 200), entry("bad query", 400), entry("bad cursor", 400),
				entry("article", 200), entry("missing article", 404), entry("related", 200), entry("suggest", 200),
				entry("unknown route", 404), entry("api-docs", 200), entry("swagger-ui.html", 302),
				entry("swagger-ui page", 200), entry("prometheus", 200));
	}

	private static void exercise(String q, Map<String, Integer> statuses) {
		JsonNode first = fixture.ok("q", q, "size", "5", "from", "60d");
		statuses.put("next page", fixture.search("q", q, "size", "5", "from", "60d", "cursor",
				first.path("nextCursor").asString()).status());
		statuses.put("recent, filtered", fixture.search("q", "title:nvidia -amd", "sort", "recent", "tag", "chips", "lang", "en").status());
		statuses.put("everything", fixture.search("size", "100").status());
		statuses.put("synonym", fixture.search("q", "LLMs").status());
		statuses.put("bad query", fixture.search("q", "(unbalanced").status());
		statuses.put("bad cursor", fixture.search("cursor", "garbage").status());
		statuses.put("article", fixture.get("/api/articles/" + id(Landmark.OPEN_WEIGHTS)).status());
		statuses.put("missing article", fixture.get("/api/articles/" + "0".repeat(32)).status());
		statuses.put("related", fixture.get("/api/articles/" + id(Landmark.OPEN_WEIGHTS) + "/related").status());
		statuses.put("suggest", fixture.get("/api/suggest?prefix=nvi").status());
		statuses.put("unknown route", fixture.get("/api/nothing").status());
		statuses.put("api-docs", fixture.get("/v3/api-docs").status());
		statuses.put("swagger-ui.html", fixture.get("/swagger-ui.html").status());
		statuses.put("swagger-ui page", fixture.get("/webjars/swagger-ui/index.html").status());
		statuses.put("prometheus", fixture.get("/actuator/prometheus").status());
	}

	/** The canary: blocking on the HTTP event loop or a parallel scheduler is recorded. */
	@Test
	void blockingOnAnEventLoopIsDetected() {
		Mono<String> onEventLoop = HttpClient.create()
			.get()
			.uri("http://127.0.0.1:" + fixture.searchPort() + "/api/suggest?prefix=nvi")
			.responseContent()
			.aggregate()
			.asString()
			.map((text) -> {
				sleep();
				return text;
			});
		StepVerifier.create(onEventLoop).expectNextCount(1).verifyComplete();
		assertThat(VIOLATIONS).anySatisfy((violation) -> assertThat(violation).startsWith("reactor-http-"));
		VIOLATIONS.clear();
		StepVerifier.create(Mono.fromRunnable(SearchNonBlockingIntegrationTests::sleep).subscribeOn(Schedulers.parallel()))
			.verifyComplete();
		assertThat(VIOLATIONS).anySatisfy((violation) -> assertThat(violation).startsWith("parallel"));
		VIOLATIONS.clear();
	}

	private static void sleep() {
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Watches Reactor's and Netty's non-blocking threads (their own integrations); while {@link #WATCHING} is set, records each blocking call on them with its thread and stack,
	 * then fails it. The gate is in the callback, not in the thread predicate: BlockHound evaluates the predicate
	 * once per thread and remembers the answer, so a gated predicate would leave threads first seen earlier
	 * (the shared Netty event loops, used by other test classes' services) unwatched for good.
	 */
	static final class WatchWhileThisClassRuns implements BlockHoundIntegration {

		@Override
		public void applyTo(BlockHound.Builder builder) {
			// Spring serves classpath resources (the web page under /, the Swagger UI webjar under /webjars/**) by
			// reading the jar on the calling thread: the webjar's version lookup, whether the resource exists and its
			// bytes. The API never does.
			builder.allowBlockingCallsInside("org.webjars.WebJarVersionLocator", "version");
			builder.allowBlockingCallsInside("org.springframework.web.reactive.resource.PathResourceResolver",
					"getResource");
			// the Elasticsearch client takes its connection pool's lock for a moment when a request is submitted
			builder.allowBlockingCallsInside("co.elastic.clients.transport.rest5_client.low_level.Rest5Client",
					"performRequestAsync");
			builder.allowBlockingCallsInside("org.springframework.core.io.buffer.DataBufferUtils$ReadableByteChannelGenerator",
					"accept");
			builder.blockingMethodCallback((method) -> {
				if (!WATCHING.get()) {
					return;
				}
				StringBuilder violation = new StringBuilder(Thread.currentThread().getName()).append(": ").append(method);
				for (StackTraceElement element : new Throwable().getStackTrace()) {
					violation.append("\n\tat ").append(element);
				}
				VIOLATIONS.add(violation.toString());
				System.err.println("Blocking call on a non-blocking thread: " + violation);
			});
		}

		@Override
		public int compareTo(BlockHoundIntegration other) {
			return 1;
		}

	}

}
