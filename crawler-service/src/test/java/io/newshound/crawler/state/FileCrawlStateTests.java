package io.newshound.crawler.state;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FileCrawlStateTests {

	private static final Instant T1 = Instant.parse("2026-03-14T10:00:00Z");

	private static final Instant T2 = Instant.parse("2026-03-14T11:00:00Z");

	/** What was recorded is there after a reopen; a later record of a key replaces the earlier one. */
	@Test
	void survivesARestart(@TempDir Path dir) {
		try (FileCrawlState state = FileCrawlState.open(dir)) {
			state.markPublished(new CrawlState.PublishedArticle("id1", "https://x.example/a", "h1", T1, "c2lnbmF0dXJl", "s1"));
			state.markPublished(new CrawlState.PublishedArticle("id1", "https://x.example/a", "h2", T2, null, null));
			state.markFetched(new CrawlState.FetchedUrl("https://x.example/a", "\"e\"", null, T1));
		}
		try (FileCrawlState state = FileCrawlState.open(dir)) {
			assertThat(state.published("id1"))
				.isEqualTo(new CrawlState.PublishedArticle("id1", "https://x.example/a", "h2", T2, null, null));
			assertThat(state.fetched("https://x.example/a"))
				.isEqualTo(new CrawlState.FetchedUrl("https://x.example/a", "\"e\"", null, T1));
			assertThat(state.published("nope")).isNull();
		}
	}

	/** Opening compacts the journal to one line per key, through a temporary file. */
	@Test
	void compactsOnOpen(@TempDir Path dir) throws Exception {
		try (FileCrawlState state = FileCrawlState.open(dir)) {
			for (int i = 0; i < 10; i++) {
				state.markFetched(new CrawlState.FetchedUrl("https://x.example/a", null, null, T1.plusSeconds(i)));
			}
		}
		Path journal = dir.resolve(FileCrawlState.JOURNAL);
		assertThat(Files.readAllLines(journal)).hasSize(10);
		try (FileCrawlState state = FileCrawlState.open(dir)) {
			assertThat(state.fetched("https://x.example/a").fetchedAt()).isEqualTo(T1.plusSeconds(9));
		}
		assertThat(Files.readAllLines(journal)).hasSize(1);
		assertThat(dir.resolve(FileCrawlState.JOURNAL + ".tmp")).doesNotExist();
	}

	/** A line cut short by a crash is skipped; everything before it is kept. */
	@Test
	void skipsATornLastLine(@TempDir Path dir) throws Exception {
		try (FileCrawlState state = FileCrawlState.open(dir)) {
			state.markPublished(new CrawlState.PublishedArticle("id1", "https://x.example/a", "h1", T1, "c2lnbmF0dXJl", "s1"));
		}
		Files.writeString(dir.resolve(FileCrawlState.JOURNAL), "{\"type\":\"article\",\"id\":\"id2\",\"ur",
				StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		try (FileCrawlState state = FileCrawlState.open(dir)) {
			assertThat(state.published("id1")).isNotNull();
			assertThat(state.published("id2")).isNull();
		}
	}

	/** A second crawler on the same directory is refused with a clear reason. */
	@Test
	void refusesASecondCrawlerOnTheSameDirectory(@TempDir Path dir) {
		try (FileCrawlState state = FileCrawlState.open(dir)) {
			assertThatExceptionOfType(CrawlStateException.class).isThrownBy(() -> FileCrawlState.open(dir))
				.withMessageContaining("in use by another crawler");
		}
	}

}
