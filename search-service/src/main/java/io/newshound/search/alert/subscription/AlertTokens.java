package io.newshound.search.alert.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Alert ids, tokens and webhook secrets: random, base64url without padding. A token is 256 bits; only its SHA-256 is
 * kept, and checks compare digests in constant time, so neither the store nor the timing of an answer gives a token
 * away.
 */
public final class AlertTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	/** Compared against when the id is unknown, so that an unknown id costs what a wrong token costs. */
	private static final String UNKNOWN = hash("no alert has this token");

	private AlertTokens() {
	}

	/** 128 random bits. */
	public static String newId() {
		return random(16);
	}

	/** 256 random bits. */
	public static String newToken() {
		return random(32);
	}

	/** 256 random bits. */
	public static String newSecret() {
		return random(32);
	}

	public static String hash(String token) {
		try {
			return ENCODER.encodeToString(
					MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK provides SHA-256", ex);
		}
	}

	/**
	 * Whether {@code token} is the alert's.
	 * @param alert the alert, or {@code null} when the id is unknown
	 * @param token the token presented, or {@code null}
	 */
	public static boolean matches(Alert alert, String token) {
		String expected = (alert != null) ? alert.tokenHash() : UNKNOWN;
		String presented = hash((token != null) ? token : "");
		boolean equal = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				presented.getBytes(StandardCharsets.US_ASCII));
		return alert != null && token != null && equal;
	}

	private static String random(int bytes) {
		byte[] value = new byte[bytes];
		RANDOM.nextBytes(value);
		return ENCODER.encodeToString(value);
	}

}
