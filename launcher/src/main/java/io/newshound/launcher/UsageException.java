package io.newshound.launcher;

/** The command line itself is wrong: answered with the message and the usage, exit code 2. */
public class UsageException extends RuntimeException {

	public UsageException(String message) {
		super(message);
	}

}
