package io.newshound.events;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Bytes that are not a valid event. A Kafka {@link SerializationException}, so that consumers treat
 * it as a permanent failure of that one record (dead-letter it, never retry it).
 */
public class MalformedEventException extends SerializationException {

	private final Class<?> eventType;

	private final String reason;

	public MalformedEventException(Class<?> eventType, String reason, Throwable cause) {
		super("not a valid " + eventType.getSimpleName() + ": " + reason, cause);
		this.eventType = eventType;
		this.reason = reason;
	}

	public Class<?> getEventType() {
		return this.eventType;
	}

	public String getReason() {
		return this.reason;
	}

}
