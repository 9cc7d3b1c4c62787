package io.newshound.events;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer for every event type of the contract. */
public class EventSerializer<T> implements Serializer<T> {

	@Override
	public byte[] serialize(String topic, T event) {
		return (event != null) ? EventJson.write(event) : null;
	}

}
