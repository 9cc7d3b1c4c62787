package io.newshound.crawler.url;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class UrlNormalizerTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			HTTPS://News.Example.ORG:443/a/./b/../c?utm_source=x&id=7&UTM_Medium=y#top | https://news.example.org/a/c?id=7
			http://example.org:80                                                  | http://example.org/
			http://example.org:8080/x?fbclid=1&gclid=2                             | http://example.org:8080/x
			https://example.org/story?b=2&a=1&mc_cid=9                              | https://example.org/story?b=2&a=1
			https://example.org./x                                                  | https://example.org/x
			""")
	void normalises(String input, String expected) {
		assertThat(UrlNormalizer.normalize(null, input)).contains(URI.create(expected));
	}

	@Test
	void resolvesRelativeLinksAndRefusesOtherSchemes() {
		URI base = URI.create("https://example.org/news/index.html");
		assertThat(UrlNormalizer.normalize(base, "../a?utm_term=z")).contains(URI.create("https://example.org/a"));
		assertThat(UrlNormalizer.normalize(base, "mailto:x@example.org")).isEmpty();
		assertThat(UrlNormalizer.normalize(base, "javascript:void(0)")).isEmpty();
		assertThat(UrlNormalizer.normalize(base, " ")).isEmpty();
	}

	@Test
	void knowsSites() {
		assertThat(UrlNormalizer.site("news.bbc.co.uk")).isEqualTo("bbc.co.uk");
		assertThat(UrlNormalizer.sameSite(URI.create("https://www.example.org/a"), URI.create("https://blog.example.org/b")))
			.isTrue();
		assertThat(UrlNormalizer.sameSite(URI.create("https://example.org/a"), URI.create("https://example.net/b"))).isFalse();
		assertThat(UrlNormalizer.site("127.0.0.1")).isEqualTo("127.0.0.1");
	}

}
