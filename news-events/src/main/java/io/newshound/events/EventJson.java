package io.newshound.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of the event contract: ISO-8601 instants, absent instead of null, and
 * unknown fields ignored so that a newer producer never breaks an older consumer.
 */
public final class EventJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private static final byte[] ARTICLE_FIELD = ",\"article\":".getBytes(StandardCharsets.UTF_8);

	private EventJson() {
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

	public static byte[] write(Object event) {
		return MAPPER.writeValueAsBytes(event);
	}

	/**
	 * The bytes of an {@link ArticleIndexedEvent} of the current schema version whose article is already JSON: what
	 * {@link #write} makes of the event with that article, without decoding and encoding the article again. The
	 * indexer announces every article it indexes, and the article is nearly all of the announcement.
	 * @param articleJson one article event, as {@link #read} accepted it (fields it does not know pass through)
	 */
	public static byte[] writeIndexed(String articleId, String index, long version, Instant indexedAt,
			byte[] articleJson) {
		byte[] envelope = write(new IndexedEnvelope(ArticleIndexedEvent.CURRENT_SCHEMA_VERSION, articleId, index,
				version, indexedAt));
		// the article is the last component of ArticleIndexedEvent, so it goes where the envelope's '}' was
		int head = envelope.length - 1;
		byte[] json = Arrays.copyOf(envelope, head + ARTICLE_FIELD.length + articleJson.length + 1);
		System.arraycopy(ARTICLE_FIELD, 0, json, head, ARTICLE_FIELD.length);
		System.arraycopy(articleJson, 0, json, head + ARTICLE_FIELD.length, articleJson.length);
		json[json.length - 1] = '}';
		return json;
	}

	/**
	 * Reads an event.
	 * @throws MalformedEventException if the bytes are not a valid event of that type
	 */
	public static <T> T read(byte[] json, Class<T> type) {
		try {
			return MAPPER.readValue(json, type);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new MalformedEventException(type, rootMessage(ex), ex);
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause instanceof JacksonException jackson) ? jackson.getOriginalMessage() : cause.getMessage();
	}

	/** {@link ArticleIndexedEvent} without its article, in the same order. */
	private record IndexedEnvelope(int schemaVersion, String articleId, String index, long version,
			Instant indexedAt) {
	}

}
