package io.newshound.crawler.discovery;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A link to a probable article, with what the feed or sitemap said about it. Everything but the URL
 * may be {@code null}; the article page has the last word.
 *
 * @param url the normalised article URL
 * @param title the entry's title
 * @param published the entry's publication time
 * @param updated the entry's update time
 * @param author the entry's author
 * @param summary the entry's summary as plain text
 */
public record DiscoveredLink(URI url, String title, Instant published, Instant updated, String author,
		String summary) {

	public DiscoveredLink {
		Objects.requireNonNull(url, "url");
	}

	public static DiscoveredLink of(URI url) {
		return new DiscoveredLink(url, null, null, null, null, null);
	}

	/** The latest known time of the entry, or {@code null}. */
	public Instant latest() {
		if (this.updated != null && (this.published == null || this.updated.isAfter(this.published))) {
			return this.updated;
		}
		return this.published;
	}

}
