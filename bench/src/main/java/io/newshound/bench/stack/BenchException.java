package io.newshound.bench.stack;

/** An expected failure of a benchmark run, said in one line. */
public class BenchException extends RuntimeException {

	public BenchException(String message) {
		super(message);
	}

	public BenchException(String message, Throwable cause) {
		super(message, cause);
	}

}
