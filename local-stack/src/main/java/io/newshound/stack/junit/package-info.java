/**
 * JUnit 5 support: {@link io.newshound.stack.junit.LocalStackTest} gives a test class the one
 * Kafka broker and Elasticsearch node of its JVM, started on first use and stopped when the test
 * run ends.
 */
package io.newshound.stack.junit;
