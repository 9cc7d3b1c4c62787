package io.newshound.crawler.fetch;

import java.util.Locale;
import java.util.Set;

/** What kind of document a fetch expects: it sets the {@code Accept} header and the content types kept. */
public enum Accept {

	/** An article or section page. */
	HTML("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1", Set.of("text/html", "application/xhtml+xml")),

	/** RSS, Atom or JSON Feed (servers label feeds in many ways, so any XML or JSON type is kept). */
	FEED("application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,application/json;q=0.8,*/*;q=0.1",
			Set.of("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml",
					"application/feed+json", "application/json", "application/x-rss+xml", "text/plain")),

	/** An XML or text sitemap, possibly a gzip file. */
	SITEMAP("application/xml,text/xml;q=0.9,*/*;q=0.1", Set.of("application/xml", "text/xml", "text/plain",
			"application/gzip", "application/x-gzip", "application/octet-stream")),

	/** robots.txt: read whatever type the server gives. */
	ROBOTS("text/plain,*/*;q=0.1", Set.of());

	private final String header;

	private final Set<String> types;

	Accept(String header, Set<String> types) {
		this.header = header;
		this.types = types;
	}

	public String header() {
		return this.header;
	}

	/**
	 * Whether a body of {@code mediaType} is kept. A missing type is kept (the parser decides), and so is
	 * any {@code +xml}/{@code +json} type for feeds and sitemaps.
	 */
	public boolean accepts(String mediaType) {
		if (this.types.isEmpty() || mediaType == null || mediaType.isEmpty()) {
			return true;
		}
		String type = mediaType.toLowerCase(Locale.ROOT);
		if (this.types.contains(type)) {
			return true;
		}
		return this != HTML && (type.endsWith("+xml") || type.endsWith("+json"));
	}

}
