package io.newshound.crawler.crawl;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The content hash of an article: SHA-256 over its title and body with whitespace collapsed, in hex.
 * Equal hashes mean the same content, so the article is not published again.
 */
public final class ContentHash {

	private ContentHash() {
	}

	public static String of(String title, String body) {
		String text = normalize(title) + "\n" + normalize(body);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK provides SHA-256", ex);
		}
	}

	private static String normalize(String text) {
		return (text != null) ? text.replaceAll("\\s+", " ").strip() : "";
	}

}
