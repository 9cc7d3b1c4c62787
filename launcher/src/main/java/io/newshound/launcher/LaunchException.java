package io.newshound.launcher;

/** Something {@code up} needs is not there or does not answer; the message says what and where. */
public class LaunchException extends RuntimeException {

	public LaunchException(String message) {
		super(message);
	}

	public LaunchException(String message, Throwable cause) {
		super(message, cause);
	}

}
