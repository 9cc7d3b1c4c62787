package io.newshound.crawler.crawl;

/**
 * What one poll of a source did.
 *
 * @param source the source's name
 * @param error why the source itself could not be read, or {@code null} when it was
 * @param found article links found
 * @param published articles published
 * @param unchanged links skipped or found unchanged (not modified, same content, revisited too soon)
 * @param failed links that failed (fetch error, not an article, publish failure)
 * @param forwarded links handed to the crawler instance that owns their host (always {@code 0} for a
 * crawler that works alone)
 */
public record PollReport(String source, String error, int found, int published, int unchanged, int failed,
		int forwarded) {

	public PollReport(String source, String error, int found, int published, int unchanged, int failed) {
		this(source, error, found, published, unchanged, failed, 0);
	}

	public boolean succeeded() {
		return this.error == null;
	}

	static PollReport failure(String source, String error) {
		return new PollReport(source, error, 0, 0, 0, 0);
	}

}
