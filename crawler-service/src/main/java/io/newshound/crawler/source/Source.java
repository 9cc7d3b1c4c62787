package io.newshound.crawler.source;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One configured source of articles, as written in {@code sources.yml}.
 *
 * @param name unique display name, also the {@code source} of every article it yields
 * @param url the feed, sitemap or page URL
 * @param kind what {@code url} points at
 * @param pollInterval time between the end of one poll and the start of the next
 * @param tags tags given to every article of this source, possibly empty
 * @param allowPrivateAddresses whether this source may reach loopback, private, link-local and other
 * non-public addresses (off by default: the guard against server-side request forgery)
 */
public record Source(String name, URI url, SourceKind kind, Duration pollInterval, List<String> tags,
		boolean allowPrivateAddresses) {

	public Source {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(pollInterval, "pollInterval");
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

}
