package io.newshound.search.alert.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Newshound-Signature} of a webhook call: {@code t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." +
 * body)>}. Signing the timestamp with the body lets a receiver refuse replays older than it tolerates.
 */
public final class WebhookSigner {

	public static final String HEADER = "X-Newshound-Signature";

	private WebhookSigner() {
	}

	public static String signature(String secret, long unixSeconds, byte[] body) {
		return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds, body);
	}

	/** Hex HMAC-SHA256 of {@code t + "." + body} under the secret. */
	public static String hmac(String secret, long unixSeconds, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("every JDK provides HmacSHA256", ex);
		}
	}

}
