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

	/**
	 * Stops the Elasticsearch node, for a test of what happens while it is away; its data stays.
	 * Until {@link #startElasticsearch()}, connections to {@link #elasticsearchUrl()} are refused.
	 * A test that calls this must start the node again (in a {@code finally} block): the classes after
	 * it share the node.
	 *
	 * <p>Only the embedded stack can do this. Elsewhere the calling test is aborted (reported as
	 * skipped): a container started again gets another host port, and an Elasticsearch given by
	 * {@code newshound.elasticsearch.url} is not ours to stop.
	 */
	void stopElasticsearch();

	/**
	 * Starts the node that {@link #stopElasticsearch()} stopped, on the same port with the same data,
	 * and returns once it answers (30 to 40 s on two cores). Does nothing while it runs.
	 */
	void startElasticsearch();

	/**
	 * Stops the Kafka broker (a clean shutdown), for a test of what happens while it is away; its topics,
	 * records and committed offsets stay. Until {@link #startKafka()}, connections to
	 * {@link #kafkaBootstrapServers()} are refused. A test that calls this must start the broker again (in a
	 * {@code finally} block): the classes after it share the broker. Aborts the calling test where the stack
	 * cannot do it, as {@link #stopElasticsearch()} does.
	 */
	void stopKafka();

	/**
	 * Starts the broker that {@link #stopKafka()} stopped, on the same port with the same data, and returns
	 * once it answers (seconds). Does nothing while it runs.
	 */
	void startKafka();

}
