package io.newshound.crawler.extract;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes of an HTML page to text, with the charset found as browsers find it: a byte order mark, then
 * the charset of the {@code Content-Type} header, then a {@code <meta charset>} or
 * {@code http-equiv} declaration in the first 4 KB, then UTF-8.
 */
public final class HtmlDecoder {

	private static final Pattern META_CHARSET = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]+)",
			Pattern.CASE_INSENSITIVE);

	private HtmlDecoder() {
	}

	/**
	 * @param bytes the page
	 * @param declared the charset from the {@code Content-Type} header, or {@code null}
	 */
	public static String decode(byte[] bytes, String declared) {
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
			return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		}
		if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
		}
		if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
			return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
		}
		Charset charset = charset(declared);
		if (charset == null) {
			String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
			Matcher matcher = META_CHARSET.matcher(head);
			if (matcher.find()) {
				charset = charset(matcher.group(1));
			}
		}
		if (charset == null || charset.name().startsWith("UTF-16")) {
			charset = StandardCharsets.UTF_8;
		}
		return new String(bytes, charset);
	}

	private static Charset charset(String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		try {
			String trimmed = name.trim();
			// WHATWG: iso-8859-1 and us-ascii labels mean windows-1252
			if (trimmed.equalsIgnoreCase("iso-8859-1") || trimmed.equalsIgnoreCase("us-ascii")
					|| trimmed.equalsIgnoreCase("latin1")) {
				return Charset.forName("windows-1252");
			}
			return Charset.forName(trimmed);
		}
		catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
			return null;
		}
	}

}
