package io.newshound.events;

import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for one event type.
 * @throws MalformedEventException from {@link #deserialize} for bytes that are not such an event
 */
public class EventDeserializer<T> implements Deserializer<T> {

	private final Class<T> type;

	public EventDeserializer(Class<T> type) {
		this.type = type;
	}

	public static EventDeserializer<ArticleEvent> articles() {
		return new EventDeserializer<>(ArticleEvent.class);
	}

	public static EventDeserializer<ArticleIndexedEvent> indexed() {
		return new EventDeserializer<>(ArticleIndexedEvent.class);
	}

	@Override
	public T deserialize(String topic, byte[] data) {
		return (data != null) ? EventJson.read(data, this.type) : null;
	}

}
