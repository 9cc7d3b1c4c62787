package io.newshound.stack.junit;

/**
 * Where the Kafka broker and the Elasticsearch node of this test JVM listen. Shared by every test
 * class: tests create what they need (topics, indices) under names of their own.
 */
public interface LocalStack {

	/** For example {@code 127.0.0.1:40123}. */
	String kafkaBootstrapServers();

	/** For example {@code http://127.0.0.1:40125}. */
	String elasticsearchUrl();

}
