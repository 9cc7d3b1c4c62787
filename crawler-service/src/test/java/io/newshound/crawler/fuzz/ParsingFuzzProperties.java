package io.newshound.crawler.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.charset.Charset;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.newshound.crawler.discovery.DiscoveredLink;
import io.newshound.crawler.discovery.DiscoveryException;
import io.newshound.crawler.discovery.FeedParser;
import io.newshound.crawler.discovery.PageLinks;
import io.newshound.crawler.discovery.SitemapReader;
import io.newshound.crawler.extract.ExtractedArticle;
import io.newshound.crawler.extract.HtmlDecoder;
import io.newshound.crawler.extract.JsoupArticleExtractor;
import io.newshound.testing.Gen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Extraction and feed parsing fuzzed, property-based (seeded generated cases, {@link Gen}), for a bounded number of tries: inputs are the test
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
	@TestFactory
	Stream<DynamicTest> extractionNeverThrows() {
		return Gen.forAll(400, htmlPages(), (html) -> {
			ExtractedArticle article = this.extractor.extract(html, PAGE);
			assertThat(article).isNotNull();
			List<DiscoveredLink> found = this.links.articleLinks(Jsoup.parse(html, PAGE.toString()), PAGE);
			assertThat(found).hasSizeLessThanOrEqualTo(MAX_LINKS);
			this.links.announcedFeed(Jsoup.parse(html, PAGE.toString()), PAGE);
		});
	}

	/** Any bytes under any declared charset decode to text. */
	@TestFactory
	Stream<DynamicTest> decodingNeverThrows() {
		return Gen.forAll(400, declared(charsets()),
				(document) -> assertThat(HtmlDecoder.decode(document.body(), document.declared())).isNotNull());
	}

	/** The feed reader gives at most its limit, or its own DiscoveryException; nothing else escapes. */
	@TestFactory
	Stream<DynamicTest> feedParsingNeverThrowsAnythingElse() {
		return Gen.forAll(400, declared(feedTypes()), (document) -> {
			try {
				assertThat(this.feeds.parse(PAGE, document.body(), document.declared()))
					.hasSizeLessThanOrEqualTo(MAX_LINKS);
			}
			catch (DiscoveryException ex) {
				assertThat(ex.getMessage()).isNotBlank();
			}
		});
	}

	/** The sitemap reader likewise. */
	@TestFactory
	Stream<DynamicTest> sitemapReadingNeverThrowsAnythingElse() {
		return Gen.forAll(400, declared(feedTypes()), (document) -> {
			try {
				SitemapReader.Sitemap sitemap = this.sitemaps.read(PAGE, document.body(), document.declared());
				assertThat(sitemap.links()).hasSizeLessThanOrEqualTo(MAX_LINKS);
			}
			catch (DiscoveryException ex) {
				assertThat(ex.getMessage()).isNotBlank();
			}
		});
	}

	static Gen<String> htmlPages() {
		return Gen.frequency(Gen.weight(8, mutated(HTML_SEEDS)), Gen.weight(1, Gen.strings(Gen.anyChar(), 0, 2000)),
				Gen.weight(1, Gen.of(SPLICES).list(0, 400).map((parts) -> String.join("", parts))));
	}

	/** A document and what it is declared to be (a charset or a content type). */
	static Gen<Document> declared(Gen<String> declarations) {
		Gen<byte[]> documents = documents();
		return (random) -> new Document(documents.next(random), declarations.next(random));
	}

	static Gen<byte[]> documents() {
		Gen<byte[]> mutatedText = mutated(FEED_SEEDS).map((text) -> text.getBytes(StandardCharsets.UTF_8));
		Gen<byte[]> randomBytes = Gen.bytes(4000);
		Gen<Charset> encodings = Gen.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1,
				StandardCharsets.US_ASCII);
		Gen<byte[]> otherEncodings = mutated(FEED_SEEDS).flatMap((text) -> encodings.map(text::getBytes));
		return Gen.frequency(Gen.weight(6, mutatedText), Gen.weight(2, randomBytes), Gen.weight(2, otherEncodings));
	}

	static Gen<String> feedTypes() {
		return Gen.of("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
				"application/feed+json", "application/json", "text/html", "", "application/octet-stream");
	}

	static Gen<String> charsets() {
		return Gen.oneOf(Gen.of("utf-8", "UTF-16", "iso-8859-1", "windows-1252", "x-bogus", "", "utf-7", "UTF-32BE",
				"shift_jis", "../../etc", "\u0000"), Gen.strings(Gen.anyChar(), 0, 20));
	}

	/** A seed document with a few random edits: splice a fragment in, delete, duplicate, or truncate a range. */
	private static Gen<String> mutated(List<String> seeds) {
		Gen<String> seed = Gen.of(seeds.stream().map(ParsingFuzzProperties::resource).toList());
		Gen<Integer> kind = Gen.integers(0, 3);
		Gen<String> splice = Gen.of(SPLICES);
		Gen<Edit> edit = (random) -> new Edit(kind.next(random), random.nextDouble(), random.nextDouble(),
				splice.next(random));
		Gen<List<Edit>> edits = edit.list(1, 12);
		return (random) -> {
			String result = seed.next(random);
			for (Edit each : edits.next(random)) {
				result = each.apply(result);
			}
			return result;
		};
	}

	/** A generated document; shown in full, as hex, when a case fails. */
	record Document(byte[] body, String declared) {

		@Override
		public String toString() {
			return "declared " + Gen.show(this.declared) + ", body " + Gen.show(this.body);
		}

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
