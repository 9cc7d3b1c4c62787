package io.newshound.crawler.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.jsoup.Jsoup;

import io.newshound.crawler.discovery.DiscoveredLink;
import io.newshound.crawler.discovery.DiscoveryException;
import io.newshound.crawler.discovery.FeedParser;
import io.newshound.crawler.discovery.PageLinks;
import io.newshound.crawler.discovery.SitemapReader;
import io.newshound.crawler.extract.ExtractedArticle;
import io.newshound.crawler.extract.HtmlDecoder;
import io.newshound.crawler.extract.JsoupArticleExtractor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extraction and feed parsing fuzzed, property-based (jqwik), for a bounded number of tries: inputs are the test
 * site's real pages, feeds (RSS 2, RSS 1, Atom, JSON Feed) and sitemaps, mutated — cut, spliced, duplicated,
 * truncated, with markup, entities, CDATA ends, DOCTYPEs, control characters and stray Unicode dropped in — and
 * wholly random bytes. Whatever arrives, no exception escapes: the extractor returns an article (perhaps
 * empty), the charset decoder returns text, and the feed and sitemap readers return at most their link limit or
 * throw their own {@link DiscoveryException}, which the poller reports on the source.
 */
class ParsingFuzzProperties {

	private static final URI PAGE = URI.create("https://news.example.test/2026/11/a-story");

	private static final int MAX_LINKS = 50;

	private static final List<String> HTML_SEEDS = List.of("chip-export-rules.html", "open-model-release.html",
			"robotics-lab.html", "cards.html", "home.html", "page-builder.html", "section.html", "wire-story-a.html");

	private static final List<String> FEED_SEEDS = List.of("feed.xml", "atom.xml", "rdf.xml", "feed.json",
			"malformed.xml", "news-sitemap.xml", "sitemap-index.xml");

	/** Fragments a hostile or broken document is made of. */
	private static final List<String> SPLICES = List.of("<", ">", "</", "/>", "<div>", "</div>", "<p>", "<script>",
			"</script>", "<style>", "<!--", "-->", "<![CDATA[", "]]>", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "&a;",
			"&amp;", "&#0;", "&#x110000;", "&#xD800;", "&", "\"", "'", "=", "<meta charset=\"x-bogus\">",
			"<meta http-equiv=\"content-type\" content=\"text/html; charset=utf-16\">", "<script type=\"application/ld+json\">",
			"{\"@type\":\"NewsArticle\",\"headline\":", "{", "}", "[", "]", "\u0000", "\u0001", "\ufeff", "\ufffd",
			"\u202e", "\ud800", "\udfff", "\ud83e\udd16", "<item>", "</item>", "<entry>", "<link>", "</link>",
			"<url><loc>", "</loc></url>", "<pubDate>Mon, 32 Foo 99999 25:61:61 +9999</pubDate>",
			"<updated>-999999999-01-01T00:00:00Z</updated>", "\"date_published\":\"99999-99-99\"", "href=\"javascript:x\"",
			"href=\"http://[::1\"", "href=\"%zz\"", "<a href=\"/2026/11/x\">", "<time datetime=\"2026-02-30\">");

	private final JsoupArticleExtractor extractor = new JsoupArticleExtractor();

	private final FeedParser feeds = new FeedParser(MAX_LINKS);

	private final SitemapReader sitemaps = new SitemapReader(MAX_LINKS);

	private final PageLinks links = new PageLinks(MAX_LINKS);

	/** The extractor and the page-link finder never throw, whatever the page. */
	@Property(tries = 400)
	void extractionNeverThrows(@ForAll("htmlPages") String html) {
		ExtractedArticle article = this.extractor.extract(html, PAGE);
		assertThat(article).isNotNull();
		List<DiscoveredLink> found = this.links.articleLinks(Jsoup.parse(html, PAGE.toString()), PAGE);
		assertThat(found).hasSizeLessThanOrEqualTo(MAX_LINKS);
		this.links.announcedFeed(Jsoup.parse(html, PAGE.toString()), PAGE);
	}

	/** Any bytes under any declared charset decode to text. */
	@Property(tries = 400)
	void decodingNeverThrows(@ForAll("documents") byte[] bytes,
			@ForAll("charsets") String declared) {
		assertThat(HtmlDecoder.decode(bytes, declared)).isNotNull();
	}

	/** The feed reader gives at most its limit, or its own DiscoveryException; nothing else escapes. */
	@Property(tries = 400)
	void feedParsingNeverThrowsAnythingElse(@ForAll("documents") byte[] body,
			@ForAll("feedTypes") String contentType) {
		try {
			assertThat(this.feeds.parse(PAGE, body, contentType)).hasSizeLessThanOrEqualTo(MAX_LINKS);
		}
		catch (DiscoveryException ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
	}

	/** The sitemap reader likewise. */
	@Property(tries = 400)
	void sitemapReadingNeverThrowsAnythingElse(@ForAll("documents") byte[] body,
			@ForAll("feedTypes") String contentType) {
		try {
			SitemapReader.Sitemap sitemap = this.sitemaps.read(PAGE, body, contentType);
			assertThat(sitemap.links()).hasSizeLessThanOrEqualTo(MAX_LINKS);
		}
		catch (DiscoveryException ex) {
			assertThat(ex.getMessage()).isNotBlank();
		}
	}

	@Provide
	Arbitrary<String> htmlPages() {
		return Arbitraries.frequencyOf(Tuple.of(8, mutated(HTML_SEEDS)), Tuple.of(1, Arbitraries.strings().all().ofMaxLength(2000)),
				Tuple.of(1, Arbitraries.of(SPLICES).list().ofMaxSize(400).map((parts) -> String.join("", parts))));
	}

	@Provide
	Arbitrary<byte[]> documents() {
		Arbitrary<byte[]> mutatedText = mutated(FEED_SEEDS).map((text) -> text.getBytes(StandardCharsets.UTF_8));
		Arbitrary<byte[]> randomBytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(4000);
		Arbitrary<byte[]> otherEncodings = mutated(FEED_SEEDS).flatMap((text) -> Arbitraries
			.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1, StandardCharsets.US_ASCII)
			.map(text::getBytes));
		return Arbitraries.frequencyOf(Tuple.of(6, mutatedText), Tuple.of(2, randomBytes), Tuple.of(2, otherEncodings));
	}

	@Provide
	Arbitrary<String> feedTypes() {
		return Arbitraries.of("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
				"application/feed+json", "application/json", "text/html", "", "application/octet-stream");
	}

	@Provide
	Arbitrary<String> charsets() {
		return Arbitraries.oneOf(Arbitraries.of("utf-8", "UTF-16", "iso-8859-1", "windows-1252", "x-bogus", "",
				"utf-7", "UTF-32BE", "shift_jis", "../../etc", "\u0000"), Arbitraries.strings().ofMaxLength(20));
	}

	/** A seed document with a few random edits: splice a fragment in, delete, duplicate, or truncate a range. */
	private static Arbitrary<String> mutated(List<String> seeds) {
		Arbitrary<String> seed = Arbitraries.of(seeds).map(ParsingFuzzProperties::resource);
		Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 3),
				Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1), Arbitraries.of(SPLICES))
			.as(Edit::new);
		return Combinators.combine(seed, edit.list().ofMinSize(1).ofMaxSize(12)).as((text, edits) -> {
			String result = text;
			for (Edit each : edits) {
				result = each.apply(result);
			}
			return result;
		});
	}

	private record Edit(int kind, double from, double length, String splice) {

		String apply(String text) {
			int start = (int) (this.from * text.length());
			int end = Math.min(text.length(), start + (int) (this.length * Math.min(text.length(), 2000)));
			return switch (this.kind) {
				case 0 -> text.substring(0, start) + this.splice + text.substring(start);
				case 1 -> text.substring(0, start) + text.substring(end);
				case 2 -> text.substring(0, end) + text.substring(start, end) + text.substring(end);
				default -> text.substring(0, start);
			};
		}

	}

	private static String resource(String name) {
		try (InputStream in = ParsingFuzzProperties.class.getResourceAsStream("/site/" + name)) {
			if (in == null) {
				throw new IllegalStateException("no test resource /site/" + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
