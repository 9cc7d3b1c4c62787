package io.newshound.crawler.fetch;

/**
 * Fetches a URL politely and safely: address guard, robots.txt, per-host turn and delay, redirects,
 * size and type limits. Every expected outcome is a {@link FetchResult}; it does not throw for them.
 */
public interface Fetcher {

	FetchResult fetch(FetchRequest request);

}
