package io.newshound.crawler.crawl;

import io.newshound.crawler.discovery.DiscoveredLink;
import io.newshound.crawler.source.Source;

/**
 * Hands an article link to the crawler instance that owns its host, when that is not this one
 * (see {@code io.newshound.crawler.cluster}). A single instance owns every host and never forwards.
 */
@FunctionalInterface
public interface LinkForwarder {

	/**
	 * Hands {@code link}, found by {@code source}, to the owner of its host; returns once the handover
	 * is durable (the owner processes it even if this instance stops).
	 * @param redirects how many times the link was already handed on because of a redirect to a host
	 * of another instance
	 * @throws ForwardException if the handover could not be made durable
	 */
	void forward(Source source, DiscoveredLink link, int redirects) throws ForwardException;

	/** For an instance that owns every host: forwarding is a programming error. */
	LinkForwarder NONE = (source, link, redirects) -> {
		throw new IllegalStateException("this crawler owns every host; nothing to forward " + link.url());
	};

	/** A link that could not be handed over; it is tried again on the source's next poll. */
	class ForwardException extends Exception {

		private final String url;

		public ForwardException(String url, String reason, Throwable cause) {
			super("link " + url + " not handed to its host's crawler instance: " + reason, cause);
			this.url = url;
		}

		public String url() {
			return this.url;
		}

	}

}
