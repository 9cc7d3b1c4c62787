package io.newshound.events;

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

	private EventJson() {
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

	public static byte[] write(Object event) {
		return MAPPER.writeValueAsBytes(event);
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

}
