package io.newshound.crawler.discovery;

import java.net.URI;

/** A feed, sitemap or page that could not be read as one; carries the URL and what was wrong. */
public class DiscoveryException extends Exception {

	private final URI url;

	public DiscoveryException(URI url, String reason, Throwable cause) {
		super(url + ": " + reason, cause);
		this.url = url;
	}

	public URI url() {
		return this.url;
	}

}
