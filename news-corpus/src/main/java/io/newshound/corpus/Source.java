package io.newshound.corpus;

import java.util.List;

/**
 * A fictional publication of the corpus (hosts under the reserved {@code .example} domain).
 *
 * @param name the source name, as the crawler's configuration would give it
 * @param host the site's host
 * @param tags the source's tags, carried by each of its articles
 * @param language ISO 639-1 code of its articles
 * @param authors its writers
 */
public record Source(String name, String host, List<String> tags, String language, List<String> authors) {

	public Source {
		tags = List.copyOf(tags);
		authors = List.copyOf(authors);
	}

}
