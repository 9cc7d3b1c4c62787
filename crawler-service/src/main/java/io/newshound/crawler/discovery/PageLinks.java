package io.newshound.crawler.discovery;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.newshound.crawler.url.UrlNormalizer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Discovery on an HTML page: the feed it announces ({@code <link rel="alternate">} of an RSS, Atom or
 * JSON Feed type), and otherwise the links that look like articles of the same site: a path with a
 * date, or a last segment that is a long slug, not a section, tag, author or paging link.
 */
public final class PageLinks {

	private static final Pattern DATE_IN_PATH = Pattern.compile("/(19|20)\\d{2}/(0?[1-9]|1[0-2])(/|-)");

	private static final Pattern NOT_ARTICLE = Pattern.compile(
			"/(tag|tags|topic|topics|category|categories|author|authors|page|search|about|contact|privacy|terms|login|signup|subscribe|newsletter|feed|rss|events|jobs|careers)(/|$)");

	private static final Pattern FILE = Pattern
		.compile("\\.(jpg|jpeg|png|gif|webp|svg|pdf|zip|mp3|mp4|xml|json|css|js|ico)$");

	private final int maxLinks;

	public PageLinks(int maxLinks) {
		this.maxLinks = maxLinks;
	}

	/** The first feed the page announces, or empty. */
	public Optional<URI> announcedFeed(Document page, URI pageUrl) {
		for (Element link : page.select("link[rel~=(?i)alternate][href]")) {
			String type = link.attr("type").toLowerCase(Locale.ROOT);
			if (type.equals("application/rss+xml") || type.equals("application/atom+xml")
					|| type.equals("application/feed+json") || type.equals("application/rdf+xml")) {
				Optional<URI> url = UrlNormalizer.normalize(pageUrl, link.attr("href"));
				if (url.isPresent()) {
					return url;
				}
			}
		}
		return Optional.empty();
	}

	/** Links of the page that look like articles on the same site, in page order, at most the limit. */
	public List<DiscoveredLink> articleLinks(Document page, URI pageUrl) {
		Map<URI, DiscoveredLink> links = new LinkedHashMap<>();
		for (Element anchor : page.select("a[href]")) {
			Optional<URI> url = UrlNormalizer.normalize(pageUrl, anchor.attr("href"));
			if (url.isEmpty() || !UrlNormalizer.sameSite(pageUrl, url.get()) || url.get().equals(pageUrl)
					|| !looksLikeArticle(url.get())) {
				continue;
			}
			String text = anchor.text().strip();
			links.putIfAbsent(url.get(),
					new DiscoveredLink(url.get(), text.isEmpty() ? null : text, null, null, null, null));
			if (links.size() >= this.maxLinks) {
				break;
			}
		}
		return new ArrayList<>(links.values());
	}

	/** Whether the URL's path looks like an article's. */
	public static boolean looksLikeArticle(URI url) {
		String path = (url.getPath() != null) ? url.getPath().toLowerCase(Locale.ROOT) : "";
		if (path.isEmpty() || path.equals("/") || NOT_ARTICLE.matcher(path).find() || FILE.matcher(path).find()) {
			return false;
		}
		if (DATE_IN_PATH.matcher(path).find()) {
			return true;
		}
		String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		String last = trimmed.substring(trimmed.lastIndexOf('/') + 1).replaceFirst("\\.html?$", "");
		int hyphens = last.length() - last.replace("-", "").length();
		return hyphens >= 3 && last.length() >= 20;
	}

}
