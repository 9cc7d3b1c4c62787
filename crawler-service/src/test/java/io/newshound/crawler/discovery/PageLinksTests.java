package io.newshound.crawler.discovery;

import java.net.URI;

import io.newshound.crawler.TestSite;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageLinksTests {

	private final PageLinks pageLinks = new PageLinks(10);

	private static Document page(String fixture, URI url) {
		return Jsoup.parse(TestSite.fixture("site/" + fixture), url.toString());
	}

	@Test
	void findsTheAnnouncedFeed() {
		URI home = URI.create("https://fixture.example/");
		assertThat(this.pageLinks.announcedFeed(page("home.html", home), home))
			.contains(URI.create("https://fixture.example/feed.xml"));
		URI section = URI.create("https://fixture.example/ai");
		assertThat(this.pageLinks.announcedFeed(page("section.html", section), section)).isEmpty();
	}

	/** Links that look like articles on the same site are kept; tags, authors, files and other sites are not. */
	@Test
	void keepsArticleLikeLinksOfTheSameSite() {
		URI section = URI.create("https://www.fixture.example/ai");
		assertThat(this.pageLinks.articleLinks(page("section.html", section), section)).extracting(DiscoveredLink::url)
			.containsExactly(URI.create("https://www.fixture.example/articles/chip-export-rules-and-what-they-mean"),
					URI.create("https://www.fixture.example/2026/03/14/short"),
					URI.create("https://www.fixture.example/articles/robotics-lab-shows-hands-that-learn"));
	}

}
