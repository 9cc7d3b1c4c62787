package io.newshound.crawler.extract;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What an {@link ArticleExtractor} found on a page. Every field but {@code body} and {@code authors}
 * may be {@code null}.
 *
 * @param headline the article's headline
 * @param body the article text, paragraphs separated by blank lines; empty when none was found
 * @param authors author names, possibly empty
 * @param published publication time
 * @param modified last modification time
 * @param canonicalUrl the normalised canonical URL the page declares ({@code rel=canonical},
 * {@code og:url}, JSON-LD), or the page URL normalised
 * @param language ISO 639-1 code of the page's language
 * @param image lead image URL
 * @param summary short description
 * @param siteName the publisher's site name
 */
public record ExtractedArticle(String headline, String body, List<String> authors, Instant published,
		Instant modified, URI canonicalUrl, String language, String image, String summary, String siteName) {

	public ExtractedArticle {
		body = (body != null) ? body : "";
		authors = (authors != null) ? List.copyOf(authors) : List.of();
	}

}
