package io.newshound.crawler.discovery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.newshound.crawler.url.UrlNormalizer;
import org.jsoup.Jsoup;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the entries of a feed: RSS 0.9x/1.0/2.0 and Atom through ROME (DOCTYPEs refused, so no XML
 * entity tricks), and JSON Feed 1.0/1.1. Entry links are resolved against the feed URL, normalised,
 * de-duplicated, and returned newest first, at most {@code maxLinks}.
 */
public final class FeedParser {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int maxLinks;

	public FeedParser(int maxLinks) {
		this.maxLinks = maxLinks;
	}

	/**
	 * @param feedUrl the URL the feed was fetched from (after redirects)
	 * @param body the feed
	 * @param contentType the {@code Content-Type} header, or {@code null}
	 * @throws DiscoveryException if the body is not a feed
	 */
	public List<DiscoveredLink> parse(URI feedUrl, byte[] body, String contentType) throws DiscoveryException {
		if (looksLikeJson(body)) {
			return limit(jsonFeed(feedUrl, body));
		}
		SyndFeed feed;
		try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
			SyndFeedInput input = new SyndFeedInput();
			input.setAllowDoctypes(false);
			feed = input.build(reader);
		}
		catch (FeedException | IOException | IllegalArgumentException ex) {
			throw new DiscoveryException(feedUrl, "not a valid RSS or Atom feed: " + rootMessage(ex), ex);
		}
		List<DiscoveredLink> links = new ArrayList<>();
		for (SyndEntry entry : feed.getEntries()) {
			String href = entryLink(entry);
			UrlNormalizer.normalize(feedUrl, href)
				.ifPresent((url) -> links.add(new DiscoveredLink(url, clean(entry.getTitle()), instant(entry.getPublishedDate()),
						instant(entry.getUpdatedDate()), clean(entry.getAuthor()), summary(entry))));
		}
		return limit(links);
	}

	private static String entryLink(SyndEntry entry) {
		if (entry.getLinks() != null) {
			for (SyndLink link : entry.getLinks()) {
				if (link.getHref() != null && (link.getRel() == null || "alternate".equals(link.getRel()))) {
					return link.getHref();
				}
			}
		}
		if (entry.getLink() != null && !entry.getLink().isBlank()) {
			return entry.getLink();
		}
		String uri = entry.getUri();
		return (uri != null && (uri.startsWith("http://") || uri.startsWith("https://"))) ? uri : null;
	}

	private static String summary(SyndEntry entry) {
		SyndContent description = entry.getDescription();
		if (description != null && description.getValue() != null) {
			return clean(Jsoup.parse(description.getValue()).text());
		}
		return null;
	}

	private List<DiscoveredLink> jsonFeed(URI feedUrl, byte[] body) throws DiscoveryException {
		JsonNode root;
		try {
			root = JSON.readTree(new String(body, StandardCharsets.UTF_8));
		}
		catch (JacksonException ex) {
			throw new DiscoveryException(feedUrl, "not valid JSON: " + ex.getOriginalMessage(), ex);
		}
		String version = root.path("version").asString("");
		if (!version.startsWith("https://jsonfeed.org/version/")) {
			throw new DiscoveryException(feedUrl, "JSON but not a JSON Feed (no jsonfeed.org version)", null);
		}
		List<DiscoveredLink> links = new ArrayList<>();
		for (JsonNode item : root.path("items")) {
			String href = item.path("url").asString(null);
			if (href == null) {
				href = item.path("external_url").asString(null);
			}
			String author = null;
			JsonNode authors = item.path("authors");
			if (authors.isArray() && !authors.isEmpty()) {
				author = authors.get(0).path("name").asString(null);
			}
			else if (item.path("author").isObject()) {
				author = item.path("author").path("name").asString(null);
			}
			String summary = item.path("summary").asString(null);
			if (summary == null && item.hasNonNull("content_text")) {
				summary = item.path("content_text").asString();
			}
			String title = item.path("title").asString(null);
			Instant published = isoInstant(item.path("date_published").asString(null));
			Instant updated = isoInstant(item.path("date_modified").asString(null));
			String authorName = author;
			String summaryText = summary;
			UrlNormalizer.normalize(feedUrl, href)
				.ifPresent((url) -> links.add(new DiscoveredLink(url, clean(title), published, updated, clean(authorName),
						clean(summaryText))));
		}
		return links;
	}

	private List<DiscoveredLink> limit(List<DiscoveredLink> links) {
		Map<URI, DiscoveredLink> unique = new LinkedHashMap<>();
		for (DiscoveredLink link : links) {
			unique.putIfAbsent(link.url(), link);
		}
		List<DiscoveredLink> sorted = new ArrayList<>(unique.values());
		sorted.sort(Comparator.comparing(DiscoveredLink::latest, Comparator.nullsLast(Comparator.reverseOrder())));
		return List.copyOf(sorted.subList(0, Math.min(sorted.size(), this.maxLinks)));
	}

	private static boolean looksLikeJson(byte[] body) {
		for (byte b : body) {
			if (b == '{') {
				return true;
			}
			if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
				return false;
			}
		}
		return false;
	}

	private static Instant instant(Date date) {
		return (date != null) ? date.toInstant() : null;
	}

	private static Instant isoInstant(String text) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String clean(String text) {
		if (text == null) {
			return null;
		}
		String trimmed = text.replaceAll("\\s+", " ").strip();
		return trimmed.isEmpty() ? null : trimmed;
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.toString();
	}

}
