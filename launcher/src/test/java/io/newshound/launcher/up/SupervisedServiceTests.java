package io.newshound.launcher.up;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SupervisedServiceTests {

	/** Restarts back off exponentially and never wait more than a minute. */
	@Test
	void restartBackoffDoublesUpToOneMinute() {
		assertThat(SupervisedService.backoff(0)).isEqualTo(Duration.ofSeconds(1));
		assertThat(SupervisedService.backoff(1)).isEqualTo(Duration.ofSeconds(2));
		assertThat(SupervisedService.backoff(5)).isEqualTo(Duration.ofSeconds(32));
		assertThat(SupervisedService.backoff(6)).isEqualTo(Duration.ofSeconds(60));
		assertThat(SupervisedService.backoff(40)).isEqualTo(Duration.ofSeconds(60));
	}

}
