package io.newshound.stack;

/**
 * Receives human-readable progress lines while a component starts, such as
 * {@code "elasticsearch: ready on http://127.0.0.1:9200 in 34.2 s"}. Each line starts with the
 * component's name; a launcher prints them, tests may log them.
 */
@FunctionalInterface
public interface Progress {

	void report(String line);

}
