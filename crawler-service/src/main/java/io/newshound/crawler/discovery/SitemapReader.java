package io.newshound.crawler.discovery;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.newshound.crawler.url.UrlNormalizer;

/**
 * Reads sitemaps with crawler-commons: XML sitemaps (plain or gzip), text sitemaps, RSS/Atom used as
 * sitemaps, sitemap indexes, and Google News sitemaps whose title and publication date are kept. URLs
 * outside the sitemap's own site are dropped (a sitemap speaks only for its site).
 */
public final class SitemapReader {

	private final int maxLinks;

	public SitemapReader(int maxLinks) {
		this.maxLinks = maxLinks;
	}

	/** A sitemap's content: either child sitemaps (of an index) or article links. */
	public record Sitemap(List<URI> children, List<DiscoveredLink> links) {

		public boolean isIndex() {
			return !this.children.isEmpty();
		}

	}

	/**
	 * @param url where the sitemap was fetched from
	 * @param body the sitemap, possibly gzip-compressed
	 * @param mediaType its media type, or {@code null}
	 * @throws DiscoveryException if it is not a sitemap
	 */
	public Sitemap read(URI url, byte[] body, String mediaType) throws DiscoveryException {
		SiteMapParser parser = new SiteMapParser(false);
		parser.enableExtension(Extension.NEWS);
		AbstractSiteMap parsed;
		try {
			parsed = parser.parseSiteMap((mediaType != null) ? mediaType : "application/xml", body, url.toURL());
		}
		catch (UnknownFormatException | IOException | IllegalArgumentException ex) {
			throw new DiscoveryException(url, "not a sitemap: " + ex.getMessage(), ex);
		}
		if (parsed instanceof SiteMapIndex index) {
			List<AbstractSiteMap> maps = new ArrayList<>(index.getSitemaps());
			maps.sort(Comparator.comparing(AbstractSiteMap::getLastModified, Comparator.nullsLast(Comparator.reverseOrder())));
			List<URI> children = new ArrayList<>();
			for (AbstractSiteMap map : maps) {
				toUri(map.getUrl()).filter((child) -> UrlNormalizer.sameSite(url, child)).ifPresent(children::add);
			}
			return new Sitemap(children, List.of());
		}
		List<DiscoveredLink> links = new ArrayList<>();
		for (SiteMapURL entry : ((SiteMap) parsed).getSiteMapUrls()) {
			var target = toUri(entry.getUrl()).filter((link) -> UrlNormalizer.sameSite(url, link));
			if (target.isEmpty()) {
				continue;
			}
			String title = null;
			Instant published = null;
			ExtensionMetadata[] news = entry.getAttributesForExtension(Extension.NEWS);
			if (news != null && news.length > 0 && news[0] instanceof NewsAttributes attributes) {
				title = attributes.getTitle();
				published = instant(attributes.getPublicationDate());
			}
			links.add(new DiscoveredLink(target.get(), title, published, instant(entry.getLastModified()), null, null));
		}
		links.sort(Comparator.comparing(DiscoveredLink::latest, Comparator.nullsLast(Comparator.reverseOrder())));
		return new Sitemap(List.of(), List.copyOf(links.subList(0, Math.min(links.size(), this.maxLinks))));
	}

	private static java.util.Optional<URI> toUri(URL url) {
		if (url == null) {
			return java.util.Optional.empty();
		}
		try {
			return UrlNormalizer.normalize(url.toURI());
		}
		catch (URISyntaxException ex) {
			return UrlNormalizer.normalize(null, url.toString());
		}
	}

	private static Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

}
