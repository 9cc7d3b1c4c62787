package io.newshound.indexer.index;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import co.elastic.clients.json.JsonpMapper;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes a document as the Elasticsearch client's mapper does, except for its body, which is copied from the JSON of
 * the event it was decoded from instead of being escaped and encoded again. The body is most of a document, and
 * writing it was the indexer's largest single cost (JFR during bench figure 1: Jackson's string writer in 14% of the
 * samples). The copied bytes are the JSON string that the event's parser accepted, so they denote the same text.
 */
public final class DocumentJson {

	/** A body written as the empty string: the place the event's body goes. */
	private static final byte[] EMPTY_BODY = "\"body\":\"\"".getBytes(StandardCharsets.UTF_8);

	private final JsonpMapper mapper;

	public DocumentJson(JsonpMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * The document's JSON, in an array of its exact size: left to the client, a document went into a stream that
	 * doubles its buffer and was sent without a copy, so a request held until its refresh kept up to twice its size.
	 * @param document the document of the article that {@code eventJson} decodes to
	 * @param eventJson the article event as consumed
	 */
	public byte[] write(ArticleDocument document, byte[] eventJson) {
		int[] body = bodyString(eventJson);
		if (body == null) {
			return serialize(document);
		}
		byte[] rest = serialize(document.withBody(""));
		int at = indexOf(rest, EMPTY_BODY);
		if (at < 0) {
			return serialize(document);
		}
		int value = at + EMPTY_BODY.length - 2;
		int length = body[1] - body[0];
		byte[] json = new byte[rest.length - 2 + length];
		System.arraycopy(rest, 0, json, 0, value);
		System.arraycopy(eventJson, body[0], json, value, length);
		System.arraycopy(rest, value + 2, json, value + length, rest.length - value - 2);
		return json;
	}

	/** The document as the client's mapper writes it. */
	byte[] serialize(ArticleDocument document) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
		try (JsonGenerator generator = this.mapper.jsonProvider().createGenerator(out)) {
			this.mapper.serialize(document, generator);
		}
		return out.toByteArray();
	}

	/**
	 * Where the top-level {@code body} string of an event begins and ends, quotes included, or {@code null} when
	 * there is no single such string (the document is then written whole). The event has been decoded already, so it
	 * is valid JSON, and finding a key takes no more than telling strings from structure; a key with an escape in it
	 * (which could spell {@code body} another way) makes it {@code null} too. Jackson's parser, skipping the same bytes,
	 * took back two fifths of what the copy saved (JFR, bench figure 1).
	 */
	static int[] bodyString(byte[] json) {
		int[] found = null;
		int depth = 0;
		int i = 0;
		while (i < json.length) {
			byte b = json[i];
			if (b == '"') {
				int end = endOfString(json, i);
				if (end < 0) {
					return null;
				}
				int colon = (depth == 1) ? skipWhitespace(json, end) : -1;
				if (colon >= 0 && colon < json.length && json[colon] == ':') {
					if (indexOf(json, i, end, (byte) '\\') >= 0) {
						return null;
					}
					if (isBody(json, i, end)) {
						int value = skipWhitespace(json, colon + 1);
						int valueEnd = endOfString(json, value);
						if (found != null || valueEnd < 0) {
							return null;
						}
						found = new int[] { value, valueEnd };
						end = valueEnd;
					}
				}
				i = end;
				continue;
			}
			if (b == '{' || b == '[') {
				depth++;
			}
			else if (b == '}' || b == ']') {
				depth--;
			}
			i++;
		}
		return found;
	}

	private static boolean isBody(byte[] json, int quote, int end) {
		return end - quote == 6 && json[quote + 1] == 'b' && json[quote + 2] == 'o' && json[quote + 3] == 'd'
				&& json[quote + 4] == 'y';
	}

	private static int skipWhitespace(byte[] json, int from) {
		int i = from;
		while (i < json.length && (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r')) {
			i++;
		}
		return i;
	}

	private static int indexOf(byte[] json, int from, int to, byte wanted) {
		for (int i = from; i < to; i++) {
			if (json[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

	/** The index after the closing quote of the JSON string that opens at {@code quote}, or -1. */
	private static int endOfString(byte[] json, int quote) {
		if (quote < 0 || quote >= json.length || json[quote] != '"') {
			return -1;
		}
		for (int i = quote + 1; i < json.length; i++) {
			if (json[i] == '\\') {
				i++;
			}
			else if (json[i] == '"') {
				return i + 1;
			}
		}
		return -1;
	}

	/**
	 * The first occurrence of {@code part}. Inside a JSON string every quote is escaped, so a match of a pattern that
	 * begins and ends with an unescaped quote is never inside one.
	 */
	private static int indexOf(byte[] json, byte[] part) {
		outer: for (int i = 0; i <= json.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (json[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
