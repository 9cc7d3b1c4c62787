package io.newshound.stack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A component of the local stack could not start. {@link #getMessage()} is written for the person
 * at the keyboard: one line that says what is wrong and what to do about it, followed, when the
 * component got as far as writing a log, by the last lines of that log.
 */
public final class StackException extends RuntimeException {

	private final String component;

	private final String reason;

	private final Path logFile;

	private final String logTail;

	StackException(String component, String reason) {
		this(component, reason, null, null);
	}

	StackException(String component, String reason, Throwable cause) {
		this(component, reason, null, cause);
	}

	/** Reads the tail of {@code logFile} now, while it still shows why the start failed. */
	StackException(String component, String reason, Path logFile, Throwable cause) {
		super(component + ": " + reason, cause);
		this.component = component;
		this.reason = reason;
		this.logFile = logFile;
		this.logTail = (logFile != null) ? LogTail.read(logFile) : "";
	}

	/** {@code "elasticsearch"} or {@code "kafka"}. */
	public String component() {
		return this.component;
	}

	/** The one-line reason, without the component prefix or the log tail. */
	public String reason() {
		return this.reason;
	}

	/** The log of the component's process, when it had started one. */
	public Optional<Path> logFile() {
		return Optional.ofNullable(this.logFile);
	}

	@Override
	public String getMessage() {
		if (this.logFile == null) {
			return super.getMessage();
		}
		return super.getMessage() + System.lineSeparator() + "last lines of " + this.logFile + ":"
				+ System.lineSeparator() + this.logTail;
	}

}
