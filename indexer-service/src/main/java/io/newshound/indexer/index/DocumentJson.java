package io.newshound.indexer.index;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import co.elastic.clients.json.JsonpMapper;
import jakarta.json.stream.JsonGenerator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a document as the Elasticsearch client's mapper does, except for its body, which is copied from the JSON of
 * the event it was decoded from instead of being escaped and encoded again. The body is most of a document, and
 * writing it was the indexer's largest single cost (JFR during bench figure 1: Jackson's string writer in 14% of the
 * samples). The copied bytes are the JSON string that the event's parser accepted, so they denote the same text.
 */
public final class DocumentJson {

	private static final JsonFactory EVENTS = new JsonFactory();

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
	 * there is no single such string (the document is then written whole).
	 */
	static int[] bodyString(byte[] eventJson) {
		try (JsonParser parser = EVENTS.createParser(ObjectReadContext.empty(), eventJson)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			int[] found = null;
			for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
				boolean body = "body".equals(parser.currentName());
				JsonToken value = parser.nextToken();
				if (body) {
					// a repeated key would leave it unclear which body the article was decoded with
					if (found != null || value != JsonToken.VALUE_STRING) {
						return null;
					}
					int start = (int) parser.currentTokenLocation().getByteOffset();
					int end = endOfString(eventJson, start);
					if (end < 0) {
						return null;
					}
					found = new int[] { start, end };
				}
				parser.skipChildren();
			}
			return found;
		}
		catch (JacksonException ex) {
			return null;
		}
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
