package io.newshound.search.alert.subscription;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Tokens are 256 random bits; only the right one opens its alert, and never an unknown one. */
class AlertTokensTests {

	@Test
	void onlyTheRightTokenMatches() {
		String token = AlertTokens.newToken();
		assertThat(token).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(AlertTokens.newToken());
		Alert alert = new Alert(AlertTokens.newId(), AlertTokens.hash(token), "n", "q", List.of(), List.of(), null,
				false, false, Instant.EPOCH, Instant.EPOCH, null);
		assertThat(alert.tokenHash()).doesNotContain(token);
		assertThat(AlertTokens.matches(alert, token)).isTrue();
		assertThat(AlertTokens.matches(alert, token + "x")).isFalse();
		assertThat(AlertTokens.matches(alert, null)).isFalse();
		assertThat(AlertTokens.matches(null, token)).isFalse();
		assertThat(AlertTokens.matches(null, "no alert has this token")).isFalse();
	}

}
