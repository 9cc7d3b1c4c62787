package io.newshound.search.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Cursors survive the round trip exactly, and anything altered, foreign, expired or garbled is refused. */
class CursorCodecTests {

	private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

	private final CursorCodec codec = new CursorCodec("secret", Clock.fixed(NOW, ZoneOffset.UTC));

	private final Cursor cursor = new Cursor("pit-id==", Arrays.asList(12.345678f * 1.0, 42L, "x", null),
			"fingerprint", NOW.minusSeconds(5), NOW.plusSeconds(120));

	@Test
	void roundTrip() {
		assertThat(this.codec.decode(this.codec.encode(this.cursor))).isEqualTo(this.cursor);
	}

	@Test
	void cursorIsUrlSafe() {
		assertThat(this.codec.encode(this.cursor)).matches("[A-Za-z0-9_.-]+");
	}

	@Test
	void alteredPayloadIsRefused() {
		String encoded = this.codec.encode(this.cursor);
		String payload = new String(Base64.getUrlDecoder().decode(encoded.substring(0, encoded.indexOf('.'))));
		String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.replace("42", "43").getBytes())
				+ encoded.substring(encoded.indexOf('.'));
		assertRefused(forged, "was not issued by this service or was altered");
	}

	@Test
	void cursorOfAnotherKeyIsRefused() {
		String foreign = new CursorCodec("other", Clock.fixed(NOW, ZoneOffset.UTC)).encode(this.cursor);
		assertRefused(foreign, "was not issued by this service");
	}

	@Test
	void expiredCursorIsRefused() {
		CursorCodec later = new CursorCodec("secret", Clock.fixed(NOW.plus(Duration.ofMinutes(3)), ZoneOffset.UTC));
		String cursor = this.codec.encode(new Cursor("p", List.of(1L), "f", NOW, NOW.plusSeconds(120)));
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> later.decode(cursor))
			.withMessageContaining("has expired");
	}

	@Test
	void garbageIsRefused() {
		assertRefused("not-a-cursor", "is not a cursor");
		assertRefused("a.b.c", "is not a cursor");
		assertRefused("%%%.%%%", "is not a cursor");
		assertRefused("x".repeat(5000), "is not a cursor");
	}

	private void assertRefused(String text, String message) {
		assertThatExceptionOfType(InvalidParameterException.class).isThrownBy(() -> this.codec.decode(text))
			.satisfies((ex) -> assertThat(ex.getParameter()).isEqualTo("cursor"))
			.withMessageContaining(message);
	}

}
