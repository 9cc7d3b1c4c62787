package io.newshound.crawler.source;

/** What a source's URL points at, and so how it is discovered. */
public enum SourceKind {

	/** An RSS 0.9x/1.0/2.0, Atom or JSON Feed document. */
	FEED,

	/** A sitemap, a sitemap index or a news sitemap. */
	SITEMAP,

	/**
	 * An HTML page: a feed announced by its {@code <link rel="alternate">} is polled; without one, the
	 * links on the page that look like articles of the same site are taken.
	 */
	PAGE

}
