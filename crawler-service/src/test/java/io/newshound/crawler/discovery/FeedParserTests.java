package io.newshound.crawler.discovery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.newshound.crawler.TestSite;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FeedParserTests {

	private final FeedParser parser = new FeedParser(100);

	private List<DiscoveredLink> parse(String fixture, String feedUrl, String contentType) throws DiscoveryException {
		byte[] body = TestSite.fixture("site/" + fixture).replace("{{base}}", "https://fixture.example")
			.getBytes(StandardCharsets.UTF_8);
		return this.parser.parse(URI.create(feedUrl), body, contentType);
	}

	/** RSS 2.0: links resolved and stripped of tracking parameters, entry metadata kept, newest first. */
	@Test
	void readsRss2() throws Exception {
		List<DiscoveredLink> links = parse("feed.xml", "https://fixture.example/feed.xml", "application/rss+xml");
		assertThat(links).extracting(DiscoveredLink::url)
			.containsExactly(URI.create("https://fixture.example/articles/chip-export-rules"),
					URI.create("https://fixture.example/articles/open-model-release"),
					URI.create("https://fixture.example/articles/robotics-lab"));
		DiscoveredLink first = links.get(0);
		assertThat(first.title()).isEqualTo("Chipmakers brace for new export rules on AI accelerators");
		assertThat(first.published()).isEqualTo(Instant.parse("2026-03-14T07:30:00Z"));
		assertThat(first.author()).isEqualTo("Mara Okafor");
		assertThat(links.get(1).summary()).isEqualTo("A new open-weights model tops the download charts.");
	}

	@Test
	void readsAtomTakingTheAlternateLink() throws Exception {
		List<DiscoveredLink> links = parse("atom.xml", "https://atom.example.org/feed", "application/atom+xml");
		assertThat(links).extracting(DiscoveredLink::url)
			.containsExactly(URI.create("https://atom.example.org/2026/03/newer-entry-about-inference-costs"),
					URI.create("https://atom.example.org/2026/02/older-entry-about-model-evaluation"));
		assertThat(links.get(0).updated()).isEqualTo(Instant.parse("2026-03-01T11:00:00Z"));
		assertThat(links.get(0).author()).isEqualTo("Ben Cho");
	}

	@Test
	void readsRss1() throws Exception {
		List<DiscoveredLink> links = parse("rdf.xml", "https://rdf.example.org/rss", null);
		assertThat(links).singleElement().satisfies((link) -> {
			assertThat(link.url()).hasToString("https://rdf.example.org/papers/attention-is-still-all-you-need");
			assertThat(link.published()).isEqualTo(Instant.parse("2026-01-05T00:00:00Z"));
		});
	}

	@Test
	void readsJsonFeed() throws Exception {
		List<DiscoveredLink> links = parse("feed.json", "https://json.example.org/feed.json", "application/feed+json");
		assertThat(links).extracting(DiscoveredLink::url)
			.containsExactly(URI.create("https://json.example.org/posts/evaluating-small-models-on-long-documents"),
					URI.create("https://json.example.org/posts/agents-in-production-lessons-learned"));
		assertThat(links.get(1).author()).isEqualTo("Kim Osei");
		assertThat(links.get(1).summary()).isEqualTo("What broke when we shipped agents.");
	}

	@Test
	void reportsAMalformedFeed() {
		assertThatExceptionOfType(DiscoveryException.class)
			.isThrownBy(() -> parse("malformed.xml", "https://fixture.example/feed.xml", "application/rss+xml"))
			.withMessageStartingWith("https://fixture.example/feed.xml: not a valid RSS or Atom feed");
		assertThatExceptionOfType(DiscoveryException.class)
			.isThrownBy(() -> this.parser.parse(URI.create("https://x.example/f"), "{\"a\":1}".getBytes(), null))
			.withMessageContaining("not a JSON Feed");
	}

	/** A DOCTYPE (the door to XML entity expansion) is refused. */
	@Test
	void refusesDoctypes() {
		String evil = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<rss version=\"2.0\"><channel><title>&x;</title><item><link>https://x.example/a</link></item></channel></rss>";
		assertThatExceptionOfType(DiscoveryException.class)
			.isThrownBy(() -> this.parser.parse(URI.create("https://x.example/f"), evil.getBytes(), "application/rss+xml"));
	}

	@Test
	void takesAtMostTheLimit() throws Exception {
		List<DiscoveredLink> links = new FeedParser(2).parse(URI.create("https://fixture.example/feed.xml"),
				TestSite.fixture("site/feed.xml").replace("{{base}}", "https://fixture.example").getBytes(), null);
		assertThat(links).hasSize(2);
	}

}
