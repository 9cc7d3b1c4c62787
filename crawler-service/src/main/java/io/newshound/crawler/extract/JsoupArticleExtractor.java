package io.newshound.crawler.extract;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newshound.crawler.url.UrlNormalizer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The first {@link ArticleExtractor}, on jsoup. Metadata comes from the strongest signal present:
 * JSON-LD, then OpenGraph and {@code article:*} meta, then the markup ({@code <h1>}, {@code <time>},
 * {@code rel=author}, {@code <html lang>}), then the URL. The body comes from {@link BodyExtractor}'s
 * content scoring, or the JSON-LD {@code articleBody} when the markup yields too little.
 */
public final class JsoupArticleExtractor implements ArticleExtractor {

	private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—·:»]\\s+");

	private static final Pattern LANGUAGE = Pattern.compile("^([a-zA-Z]{2,3})([-_].*)?$");

	private static final int SHORT_BODY = 200;

	@Override
	public ExtractedArticle extract(String html, URI pageUrl) {
		Document document = Jsoup.parse(html, (pageUrl != null) ? pageUrl.toString() : "");
		JsonLd jsonLd = JsonLd.of(document);
		String siteName = first(meta(document, "og:site_name"), jsonLd.publisherName(), meta(document, "application-name"));
		String headline = headline(document, jsonLd, siteName);
		List<String> authors = authors(document, jsonLd);
		Instant published = firstDate(jsonLd.datePublished(), meta(document, "article:published_time"),
				meta(document, "og:published_time"), meta(document, "datePublished"), meta(document, "pubdate"),
				meta(document, "publishdate"), meta(document, "publish-date"), meta(document, "parsely-pub-date"),
				meta(document, "sailthru.date"), meta(document, "dc.date.issued"), meta(document, "dc.date"),
				meta(document, "date"), timeElement(document), itemprop(document, "datePublished"));
		if (published == null) {
			published = Dates.fromUrl(pageUrl);
		}
		Instant modified = firstDate(jsonLd.dateModified(), meta(document, "article:modified_time"),
				meta(document, "og:updated_time"), meta(document, "dateModified"), itemprop(document, "dateModified"));
		URI canonical = canonical(document, jsonLd, pageUrl);
		String language = language(document, jsonLd);
		String image = absolute((pageUrl != null) ? pageUrl : canonical,
				first(meta(document, "og:image"), meta(document, "og:image:url"), meta(document, "twitter:image"),
						jsonLd.image()));
		String summary = first(meta(document, "og:description"), meta(document, "description"),
				meta(document, "twitter:description"), jsonLd.description());
		String body = new BodyExtractor().extract(document, headline);
		String ldBody = jsonLd.articleBody();
		if (body.length() < SHORT_BODY && ldBody != null && ldBody.length() > body.length()) {
			body = ldBody.contains("<") ? Jsoup.parse(ldBody).text() : ldBody.strip();
		}
		return new ExtractedArticle(headline, body, authors, published, modified, canonical, language, image, summary,
				siteName);
	}

	private static String headline(Document document, JsonLd jsonLd, String siteName) {
		String headline = jsonLd.headline();
		if (headline == null) {
			headline = stripSiteName(meta(document, "og:title"), siteName);
		}
		if (headline == null) {
			Element h1 = document.selectFirst("article h1, main h1, h1");
			headline = (h1 != null) ? clean(h1.text()) : null;
		}
		if (headline == null) {
			headline = stripSiteName(meta(document, "twitter:title"), siteName);
		}
		if (headline == null) {
			headline = stripSiteName(clean(document.title()), siteName);
		}
		return headline;
	}

	/**
	 * "Headline | Site" → "Headline": the part after the last separator goes when it is the site's name,
	 * or when the separator is {@code |} and that part is a few words.
	 */
	static String stripSiteName(String title, String siteName) {
		if (title == null) {
			return null;
		}
		Matcher matcher = TITLE_SEPARATOR.matcher(title);
		int start = -1;
		int end = -1;
		while (matcher.find()) {
			start = matcher.start();
			end = matcher.end();
		}
		if (start <= 0) {
			return title;
		}
		String head = title.substring(0, start).strip();
		String tail = title.substring(end).strip();
		boolean isSite = siteName != null && tail.equalsIgnoreCase(siteName.strip());
		boolean pipe = title.substring(start, end).strip().equals("|");
		if (isSite || (pipe && tail.split("\\s+").length <= 4 && head.length() >= 10)) {
			return head;
		}
		return title;
	}

	private static List<String> authors(Document document, JsonLd jsonLd) {
		Set<String> names = new LinkedHashSet<>(jsonLd.authors());
		if (names.isEmpty()) {
			addName(names, meta(document, "author"));
			addName(names, meta(document, "article:author"));
			addName(names, meta(document, "parsely-author"));
			addName(names, meta(document, "dc.creator"));
		}
		if (names.isEmpty()) {
			for (Element element : document.select("[rel=author], [itemprop=author]")) {
				Element name = element.selectFirst("[itemprop=name]");
				addName(names, (name != null) ? name.text() : element.text());
			}
		}
		if (names.isEmpty()) {
			for (Element element : document.select(".byline .author, .author-name, .byline__name, [class*=byline] a")) {
				addName(names, element.text());
			}
		}
		return new ArrayList<>(names);
	}

	private static void addName(Set<String> names, String raw) {
		String name = clean(raw);
		if (name == null || name.startsWith("http") || name.length() > 80) {
			return;
		}
		name = name.replaceFirst("(?i)^by\\s+", "").strip();
		if (!name.isEmpty()) {
			names.add(name);
		}
	}

	private static String timeElement(Document document) {
		Element time = document.selectFirst("article time[datetime], time[pubdate][datetime], time[datetime]");
		return (time != null) ? time.attr("datetime") : null;
	}

	private static String itemprop(Document document, String name) {
		Element element = document.selectFirst("[itemprop=" + name + "]");
		if (element == null) {
			return null;
		}
		String value = element.hasAttr("content") ? element.attr("content")
				: element.hasAttr("datetime") ? element.attr("datetime") : element.text();
		return clean(value);
	}

	private static URI canonical(Document document, JsonLd jsonLd, URI pageUrl) {
		Element link = document.selectFirst("link[rel~=(?i)^canonical$][href]");
		List<String> candidates = new ArrayList<>();
		if (link != null) {
			candidates.add(link.attr("href"));
		}
		candidates.add(meta(document, "og:url"));
		candidates.add(jsonLd.url());
		for (String candidate : candidates) {
			Optional<URI> url = UrlNormalizer.normalize(pageUrl, candidate);
			if (url.isPresent() && (pageUrl == null || UrlNormalizer.sameSite(pageUrl, url.get()))) {
				return url.get();
			}
		}
		return (pageUrl != null) ? UrlNormalizer.normalize(pageUrl).orElse(null) : null;
	}

	private static String language(Document document, JsonLd jsonLd) {
		Element html = document.selectFirst("html");
		String lang = (html != null) ? html.attr("lang") : "";
		if (lang.isBlank()) {
			lang = (html != null) ? html.attr("xml:lang") : "";
		}
		for (String candidate : new String[] { lang, meta(document, "content-language"), meta(document, "og:locale"),
				jsonLd.inLanguage() }) {
			if (candidate == null) {
				continue;
			}
			var matcher = LANGUAGE.matcher(candidate.strip());
			if (matcher.matches()) {
				String code = matcher.group(1).toLowerCase(Locale.ROOT);
				if (code.length() == 2) {
					return code;
				}
			}
		}
		return null;
	}

	/** The content of a {@code <meta>} whose property, name or http-equiv is {@code key} (case-insensitive). */
	static String meta(Document document, String key) {
		for (Element meta : document.select("meta[content]")) {
			if (key.equalsIgnoreCase(meta.attr("property")) || key.equalsIgnoreCase(meta.attr("name"))
					|| key.equalsIgnoreCase(meta.attr("itemprop")) || key.equalsIgnoreCase(meta.attr("http-equiv"))) {
				String content = clean(meta.attr("content"));
				if (content != null) {
					return content;
				}
			}
		}
		return null;
	}

	private static Instant firstDate(String... candidates) {
		for (String candidate : candidates) {
			Instant instant = Dates.parse(candidate);
			if (instant != null) {
				return instant;
			}
		}
		return null;
	}

	private static String first(String... candidates) {
		for (String candidate : candidates) {
			String value = clean(candidate);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	private static String absolute(URI base, String url) {
		if (url == null) {
			return null;
		}
		return UrlNormalizer.normalize(base, url).map(URI::toString).orElse((base == null) ? url : null);
	}

	private static String clean(String text) {
		if (text == null) {
			return null;
		}
		String value = text.replaceAll("[\\s\\u00a0]+", " ").strip();
		return value.isEmpty() ? null : value;
	}

}
