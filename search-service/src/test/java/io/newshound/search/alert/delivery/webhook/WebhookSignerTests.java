package io.newshound.search.alert.delivery.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The signature is HMAC-SHA256 over {@code t + "." + body}, hex, as receivers recompute it. */
class WebhookSignerTests {

	/** The header carries the timestamp and the hex HMAC; another time or secret gives another HMAC. */
	@Test
	void signsTimestampDotBodyWithHmacSha256() {
		byte[] body = "{\"articleId\":\"a\"}".getBytes(StandardCharsets.UTF_8);
		String signature = WebhookSigner.signature("Jefe", 1700000000L, body);
		assertThat(signature).startsWith("t=1700000000,v1=").matches("t=\\d+,v1=[0-9a-f]{64}");
		assertThat(WebhookSigner.hmac("Jefe", 1700000000L, body)).isEqualTo(signature.substring(signature.indexOf("v1=") + 3));
		assertThat(WebhookSigner.hmac("Jefe", 1700000001L, body)).isNotEqualTo(WebhookSigner.hmac("Jefe", 1700000000L, body));
		assertThat(WebhookSigner.hmac("Jeff", 1700000000L, body)).isNotEqualTo(WebhookSigner.hmac("Jefe", 1700000000L, body));
	}

	/** A known answer: HMAC-SHA256("key", "1.{}") computed with openssl. */
	@Test
	void matchesAnIndependentImplementation() {
		assertThat(WebhookSigner.hmac("key", 1, "{}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo(OPENSSL_KEY_1_BRACES);
	}

	static final String OPENSSL_KEY_1_BRACES = "1ba6b8171186efc613e8bcc0cbdab2748f24984d7c5a84faa2637afa0e40d224";

}
