package io.newshound.crawler.source;

/**
 * A sources file that cannot be used: missing, unreadable, not YAML, or holding an unknown key or a
 * bad value. Carries where ({@link #file()}, {@link #line()}) and why ({@link #reason()}).
 */
public class SourcesConfigException extends RuntimeException {

	private final String file;

	private final int line;

	private final String reason;

	/**
	 * @param file the file as configured (path or {@code classpath:} location)
	 * @param line 1-based line of the problem, or {@code 0} when it concerns the whole file
	 * @param reason what is wrong, in words a user can act on
	 */
	public SourcesConfigException(String file, int line, String reason) {
		this(file, line, reason, null);
	}

	public SourcesConfigException(String file, int line, String reason, Throwable cause) {
		super(((line > 0) ? file + ":" + line + ": " : file + ": ") + reason, cause);
		this.file = file;
		this.line = line;
		this.reason = reason;
	}

	public String file() {
		return this.file;
	}

	/** The 1-based line, or {@code 0} when the problem concerns the whole file. */
	public int line() {
		return this.line;
	}

	public String reason() {
		return this.reason;
	}

}
