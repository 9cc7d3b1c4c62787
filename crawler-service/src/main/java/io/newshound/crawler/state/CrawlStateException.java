package io.newshound.crawler.state;

import java.nio.file.Path;

/** The crawl state directory cannot be used (not writable, locked by another crawler, …). */
public class CrawlStateException extends RuntimeException {

	private final Path directory;

	public CrawlStateException(Path directory, String reason, Throwable cause) {
		super("crawl state in " + directory + ": " + reason, cause);
		this.directory = directory;
	}

	public Path directory() {
		return this.directory;
	}

}
