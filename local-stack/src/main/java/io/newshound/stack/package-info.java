/**
 * Runs a real Kafka broker (KRaft) and a real Elasticsearch node on this machine as child
 * processes of the calling JVM, for {@code ./newshound up} and for tests.
 *
 * <p>Entry points: {@link io.newshound.stack.KafkaBroker#start} and
 * {@link io.newshound.stack.ElasticsearchNode#start}. Both report progress lines to a
 * {@link io.newshound.stack.Progress}, fail with a {@link io.newshound.stack.StackException}
 * whose message tells the user what to do, and stop their whole process tree on {@code close()}
 * (or when this JVM exits). Tests use {@link io.newshound.stack.junit.LocalStackExtension}.
 */
package io.newshound.stack;
