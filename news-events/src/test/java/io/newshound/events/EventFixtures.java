package io.newshound.events;

import java.time.Instant;
import java.util.List;

final class EventFixtures {

	static final String URL = "https://news.example.org/2026/11/openai-microsoft-sign-new-agreement";

	private EventFixtures() {
	}

	static ArticleEvent fullArticle() {
		return new ArticleEvent(1, ArticleIds.of(URL), URL, "Example News", "OpenAI and Microsoft sign a new agreement",
				"The two companies signed a memorandum of understanding.", "A new phase of the partnership.",
				List.of("Ada Lovelace", "Alan Turing"), Instant.parse("2026-11-20T09:30:00Z"),
				Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T10:05:12.345Z"), "en",
				"https://news.example.org/img/lead.jpg", "Example News", List.of("openai", "microsoft"), "b3f1c2",
				"9f2c4e10aa55d3e1");
	}

	static ArticleEvent minimalArticle() {
		return new ArticleEvent(1, ArticleIds.of(URL), URL, "Example News", "OpenAI and Microsoft sign a new agreement",
				"The two companies signed a memorandum of understanding.", null, null, null,
				Instant.parse("2026-11-20T10:00:00Z"), Instant.parse("2026-11-20T10:05:12.345Z"), null, null, null,
				null, "b3f1c2", null);
	}

	static ArticleIndexedEvent indexed() {
		return new ArticleIndexedEvent(1, ArticleIds.of(URL), "news-articles-v1", 1763632800000L,
				Instant.parse("2026-11-20T10:05:13Z"), fullArticle());
	}

}
