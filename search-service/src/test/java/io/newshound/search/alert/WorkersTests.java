package io.newshound.search.alert;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A worker that ends while alerts run is remembered with why; one that ends because alerts stop is not. */
class WorkersTests {

	@Test
	void aWorkerThatThrowsIsRemembered() {
		Workers workers = new Workers();
		workers.start("alerts-matcher", () -> {
			throw new IllegalStateException("producer fenced");
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> !workers.stopped().isEmpty());
		assertThat(workers.stopped()).containsOnlyKeys("alerts-matcher");
		assertThat(workers.stopped().get("alerts-matcher")).contains("IllegalStateException: producer fenced");
	}

	@Test
	void aLoopThatReturnsWhileRunningIsRemembered() {
		Workers workers = new Workers();
		workers.start("alerts-fanout", () -> {
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> !workers.stopped().isEmpty());
		assertThat(workers.stopped()).containsEntry("alerts-fanout", "ended");
	}

	@Test
	void workThatEndsWhenDoneOrWhenStoppingIsNotAFailure() throws InterruptedException {
		Workers workers = new Workers();
		CountDownLatch release = new CountDownLatch(1);
		workers.startOnce("alerts-startup", () -> {
		});
		workers.start("alerts-webhooks", () -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("consumer closed");
		});
		workers.stopping();
		release.countDown();
		workers.join("none");
		assertThat(workers.stopped()).isEmpty();
	}

}
