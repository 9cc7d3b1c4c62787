package io.newshound.crawler.extract;

import java.net.URI;

/**
 * Turns an HTML page into an article. Implementations are pure (no I/O) and thread-safe, so a better
 * extractor can replace the first one without touching the crawl.
 */
public interface ArticleExtractor {

	/**
	 * @param html the decoded page
	 * @param pageUrl the URL the page was fetched from (after redirects), used to resolve relative
	 * links; {@code null} when unknown (a file on disk)
	 * @return what could be found; the body is empty when the page holds no article text
	 */
	ExtractedArticle extract(String html, URI pageUrl);

}
