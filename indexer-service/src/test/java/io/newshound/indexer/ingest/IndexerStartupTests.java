package io.newshound.indexer.ingest;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorResponse;
import io.newshound.indexer.IndexerProperties;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The start-up step against a fake index set-up: how it sorts failures, what it logs and what the
 * {@code indexSetup} health component says.
 */
class IndexerStartupTests {

	private static final String MISSING_PLUGIN = "Custom Analyzer [newshound_english] failed to find filter under "
			+ "name [newshound_english_possessive]";

	private final ListAppender<ILoggingEvent> log = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(IndexerStartup.class);

	private final IndexSetupStatus status = new IndexSetupStatus("news-articles", Clock.systemUTC());

	private final IndexSetupHealthIndicator health = new IndexSetupHealthIndicator(this.status);

	private final AtomicInteger consumersStarted = new AtomicInteger();

	private final AtomicReference<Exception> nextFailure = new AtomicReference<>();

	private final AtomicInteger attempts = new AtomicInteger();

	private IndexerStartup startup;

	@BeforeEach
	void captureLog() {
		this.log.start();
		this.logger.addAppender(this.log);
		this.logger.setLevel(Level.DEBUG);
	}

	@AfterEach
	void stop() {
		if (this.startup != null) {
			this.startup.destroy();
		}
		this.logger.detachAppender(this.log);
		this.logger.setLevel(null);
	}

	/**
	 * Regression for issue 4: a template refused because the analysis plugin is missing used to be retried
	 * as "not ready" forever. Now: one ERROR naming cause and fix, DOWN with both, slow retries, and
	 * recovery once it is fixed.
	 */
	@Test
	void refusalIsLoggedOnceShownAsDownAndRecoveredFrom() {
		this.nextFailure.set(refused(400, "illegal_argument_exception", MISSING_PLUGIN));
		start();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.attempts.get() >= 4);

		assertThat(errors()).singleElement()
			.satisfies((message) -> assertThat(message).contains("Elasticsearch refused to set up index 'news-articles'",
					"HTTP 400, illegal_argument_exception: " + MISSING_PLUGIN,
					"Is the newshound-analysis plugin installed on the Elasticsearch nodes?"));
		Health down = this.health.health();
		assertThat(down.getStatus()).isEqualTo(Status.DOWN);
		assertThat(down.getDetails()).containsEntry("phase", "refused")
			.containsEntry("reason", "HTTP 400, illegal_argument_exception: " + MISSING_PLUGIN)
			.containsEntry("fix", IndexSetupFailure.PLUGIN_FIX);
		assertThat(this.consumersStarted).hasValue(0);

		this.nextFailure.set(null);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.consumersStarted.get() == 1);
		assertThat(this.health.health().getStatus()).isEqualTo(Status.UP);
		assertThat(errors()).hasSize(1);
		assertThat(messages(Level.INFO)).contains("Index 'news-articles' is set up now; the earlier refusal was fixed",
				"Consuming articles");
	}

	/** A refusal that is not about analysis gets the generic fix, still DOWN. */
	@Test
	void otherRefusalNamesItsCause() {
		this.nextFailure.set(refused(403, "security_exception", "action [indices:admin/index_template/put] is unauthorized"));
		start();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.attempts.get() >= 2);
		assertThat(this.health.health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(this.health.health().getDetails()).containsEntry("fix", IndexSetupFailure.GENERIC_FIX);
		assertThat(errors()).singleElement().satisfies((message) -> assertThat(message).contains("security_exception"));
	}

	/** Unreachable Elasticsearch and 5xx answers are waited for: warnings, OUT_OF_SERVICE, no ERROR. */
	@Test
	void unreachableOrBusyElasticsearchIsWaitedFor() {
		this.nextFailure.set(new ConnectException("Connection refused"));
		start();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.attempts.get() >= 2);
		assertThat(this.health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(this.health.health().getDetails()).containsEntry("phase", "waiting")
			.containsEntry("reason", "Connection refused");

		this.nextFailure.set(refused(503, "cluster_block_exception", "state not recovered / initialized"));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> String.valueOf(this.health.health().getDetails().get("reason")).contains("503"));
		assertThat(this.health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);

		this.nextFailure.set(null);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.consumersStarted.get() == 1);
		assertThat(errors()).isEmpty();
		assertThat(warnings()).isNotEmpty().allSatisfy((message) -> assertThat(message).contains("not ready"));
	}

	private void start() {
		this.startup = new IndexerStartup(() -> {
			this.attempts.incrementAndGet();
			Exception failure = this.nextFailure.get();
			if (failure != null) {
				throw failure;
			}
		}, this.consumersStarted::incrementAndGet, this.status,
				new IndexerProperties.Retry(Duration.ofMillis(10), Duration.ofMillis(50)).backOff());
		this.startup.start();
	}

	private static ElasticsearchException refused(int status, String type, String reason) {
		return new ElasticsearchException("indices.put_index_template", ErrorResponse
			.of((response) -> response.status(status).error((error) -> error.type(type).reason(reason))));
	}

	private List<String> errors() {
		return messages(Level.ERROR);
	}

	private List<String> warnings() {
		return messages(Level.WARN);
	}

	/** AppenderBase appends under the appender's lock; read under it too. */
	private List<String> messages(Level level) {
		synchronized (this.log) {
			return this.log.list.stream()
				.filter((event) -> event.getLevel() == level)
				.map(ILoggingEvent::getFormattedMessage)
				.toList();
		}
	}

}
