package io.newshound.crawler.discovery;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.newshound.crawler.TestSite;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SitemapReaderTests {

	private final SitemapReader reader = new SitemapReader(100);

	private static byte[] fixture(String name) {
		return TestSite.fixture("site/" + name).replace("{{base}}", "https://fixture.example").getBytes(StandardCharsets.UTF_8);
	}

	/** A news sitemap gives titles and publication dates; URLs of other sites are dropped. */
	@Test
	void readsANewsSitemap() throws Exception {
		SitemapReader.Sitemap sitemap = this.reader.read(URI.create("https://fixture.example/sitemaps/news.xml"),
				fixture("news-sitemap.xml"), "application/xml");
		assertThat(sitemap.isIndex()).isFalse();
		assertThat(sitemap.links()).extracting(DiscoveredLink::url)
			.containsExactly(URI.create("https://fixture.example/articles/open-model-release"),
					URI.create("https://fixture.example/articles/robotics-lab"));
		DiscoveredLink robotics = sitemap.links().get(1);
		assertThat(robotics.title()).isEqualTo("Robotics lab shows hands that learn from video");
		assertThat(robotics.published()).isEqualTo(Instant.parse("2026-01-20T09:00:00Z"));
	}

	/** An index lists its children, most recently modified first. */
	@Test
	void readsAnIndex() throws Exception {
		SitemapReader.Sitemap sitemap = this.reader.read(URI.create("https://fixture.example/sitemap.xml"),
				fixture("sitemap-index.xml"), "application/xml");
		assertThat(sitemap.children()).containsExactly(URI.create("https://fixture.example/sitemaps/news.xml"),
				URI.create("https://fixture.example/sitemaps/old.xml"));
	}

	@Test
	void reportsWhatIsNotASitemap() {
		assertThatExceptionOfType(DiscoveryException.class).isThrownBy(() -> this.reader
			.read(URI.create("https://fixture.example/sitemap.xml"), "<html><body>no</body></html>".getBytes(), "text/html"));
	}

}
