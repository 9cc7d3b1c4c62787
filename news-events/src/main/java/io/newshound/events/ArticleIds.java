package io.newshound.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Article ids: the first 128 bits of SHA-256 over the canonical URL, in hex. The same URL gives the
 * same id in every service, so the id can key Kafka records and Elasticsearch documents alike.
 */
public final class ArticleIds {

	private static final int ID_BYTES = 16;

	private ArticleIds() {
	}

	/**
	 * Returns the id of the article at {@code canonicalUrl}.
	 * @param canonicalUrl the normalised canonical URL
	 * @return 32 lower-case hex characters
	 */
	public static String of(String canonicalUrl) {
		return HexFormat.of().formatHex(sha256(canonicalUrl), 0, ID_BYTES);
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK provides SHA-256", ex);
		}
	}

}
