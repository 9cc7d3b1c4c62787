package io.newshound.crawler.source;

import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SourcesFileTests {

	private static List<Source> parse(String yaml) {
		return SourcesFile.parse("test.yml", new StringReader(yaml));
	}

	private static SourcesConfigException failure(String yaml) {
		return org.assertj.core.api.Assertions.catchThrowableOfType(SourcesConfigException.class, () -> parse(yaml));
	}

	/** Every key is read, with the defaults for the ones left out. */
	@Test
	void readsEveryKeyAndDefaults() {
		List<Source> sources = parse("""
				sources:
				  - name: Local
				    url: http://127.0.0.1:8090/feed.xml
				    kind: feed
				    pollInterval: 90s
				    tags: [demo, local]
				    allowPrivateAddresses: true
				  - name: Lab
				    url: https://lab.example.org/sitemap.xml
				    kind: SITEMAP
				  - name: Section
				    url: https://news.example.org/ai
				    kind: page
				    pollInterval: PT2H
				""");
		assertThat(sources).containsExactly(
				new Source("Local", URI.create("http://127.0.0.1:8090/feed.xml"), SourceKind.FEED, Duration.ofSeconds(90),
						List.of("demo", "local"), true),
				new Source("Lab", URI.create("https://lab.example.org/sitemap.xml"), SourceKind.SITEMAP,
						SourcesFile.DEFAULT_POLL_INTERVAL, List.of(), false),
				new Source("Section", URI.create("https://news.example.org/ai"), SourceKind.PAGE, Duration.ofHours(2),
						List.of(), false));
	}

	/** An unknown key is reported with the file, its line and the keys that are allowed. */
	@Test
	void unknownKeyIsReportedWithFileAndLine() {
		SourcesConfigException ex = failure("""
				sources:
				  - name: Local
				    url: http://127.0.0.1:8090/feed.xml
				    kind: feed
				    intervall: 15m
				""");
		assertThat(ex.file()).isEqualTo("test.yml");
		assertThat(ex.line()).isEqualTo(5);
		assertThat(ex.reason()).contains("unknown key 'intervall'").contains("pollInterval");
		assertThat(ex.getMessage()).startsWith("test.yml:5: unknown key 'intervall'");
	}

	@Test
	void badKindIsReportedOnItsLine() {
		SourcesConfigException ex = failure("""
				sources:
				  - name: Local
				    url: http://127.0.0.1:8090/feed.xml
				    kind: podcast
				""");
		assertThat(ex.line()).isEqualTo(4);
		assertThat(ex.reason()).isEqualTo("'kind' must be feed, sitemap or page, was 'podcast'");
	}

	@Test
	void badIntervalIsReportedOnItsLine() {
		SourcesConfigException ex = failure("""
				sources:
				  - name: Local
				    url: http://127.0.0.1:8090/feed.xml
				    kind: feed
				    pollInterval: often
				""");
		assertThat(ex.line()).isEqualTo(5);
		assertThat(ex.reason()).contains("'often' is not a duration");
	}

	@Test
	void tooShortIntervalIsRefused() {
		SourcesConfigException ex = failure("""
				sources:
				  - {name: Local, url: "http://127.0.0.1/feed.xml", kind: feed, pollInterval: 1s}
				""");
		assertThat(ex.line()).isEqualTo(2);
		assertThat(ex.reason()).contains("at least 10s");
	}

	@Test
	void badValuesAreRefused() {
		assertThat(failure("sources:\n  - {name: A, url: ftp://x.org/feed, kind: feed}\n").reason())
			.contains("absolute http or https URL");
		assertThat(failure("sources:\n  - {name: A, url: 'https://x.org/f', kind: feed, allowPrivateAddresses: yes}\n")
			.reason()).contains("must be true or false");
		assertThat(failure("sources:\n  - {name: A, url: 'https://x.org/f', kind: feed, tags: ai}\n").reason())
			.contains("'tags' must be a list");
		assertThat(failure("sources:\n  - {url: 'https://x.org/f', kind: feed}\n").reason()).contains("needs 'name'");
		assertThat(failure("feeds: []\n").reason()).contains("unknown key 'feeds'");
		assertThat(failure("").reason()).contains("is empty");
	}

	@Test
	void duplicateNamesAreRefused() {
		SourcesConfigException ex = failure("""
				sources:
				  - {name: A, url: 'https://x.org/f', kind: feed}
				  - {name: A, url: 'https://y.org/f', kind: feed}
				""");
		assertThat(ex.line()).isEqualTo(3);
		assertThat(ex.reason()).contains("duplicate source name 'A' (first used on line 2)");
	}

	@Test
	void invalidYamlIsReportedWithItsLine() {
		SourcesConfigException ex = failure("sources:\n  - name: A\n    url: [unclosed\n");
		assertThat(ex.line()).isGreaterThan(0);
		assertThat(ex.reason()).startsWith("not valid YAML");
	}

	/** A missing file gives one error naming the path. */
	@Test
	void missingFileNamesThePath(@TempDir Path dir) {
		Path missing = dir.resolve("nope.yml");
		assertThatExceptionOfType(SourcesConfigException.class).isThrownBy(() -> SourcesFile.load(missing.toString()))
			.withMessage(missing.toAbsolutePath() + ": no such file");
		assertThatExceptionOfType(SourcesConfigException.class)
			.isThrownBy(() -> SourcesFile.load("classpath:missing.yml"))
			.withMessage("classpath:missing.yml: no such file on the classpath");
	}

	@Test
	void loadsFromAFile(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("sources.yml");
		Files.writeString(file, "sources:\n  - {name: A, url: 'https://x.org/f', kind: feed}\n");
		assertThat(SourcesFile.load(file.toString())).extracting(Source::name).containsExactly("A");
	}

	/** The bundled list holds the demo site (allowed on loopback) and at least 30 real sources. */
	@Test
	void bundledListHasTheDemoSiteAndRealSources() {
		List<Source> sources = SourcesFile.load("classpath:sources.yml");
		assertThat(sources).first()
			.isEqualTo(new Source("Newshound Demo", URI.create("http://127.0.0.1:8090/feed.xml"), SourceKind.FEED,
					Duration.ofMinutes(1), List.of("demo"), true));
		assertThat(sources.subList(1, sources.size())).hasSizeGreaterThanOrEqualTo(30)
			.allSatisfy((source) -> {
				assertThat(source.url().getScheme()).isEqualTo("https");
				assertThat(source.allowPrivateAddresses()).isFalse();
			});
	}

	@Test
	void parsesIntervals() {
		assertThat(SourcesFile.parseInterval("15m")).isEqualTo(Duration.ofMinutes(15));
		assertThat(SourcesFile.parseInterval("1h")).isEqualTo(Duration.ofHours(1));
		assertThat(SourcesFile.parseInterval("1d")).isEqualTo(Duration.ofDays(1));
		assertThat(SourcesFile.parseInterval("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(SourcesFile.parseInterval("PT15M")).isEqualTo(Duration.ofMinutes(15));
	}

}
