package io.newshound.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.newshound.corpus.NewsCorpus;
import io.newshound.events.ArticleEvent;
import io.newshound.events.ArticleIds;
import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackTest;

import static io.newshound.system.SearchHits.articlesOf;
import static io.newshound.system.SearchHits.corpusWhere;
import static io.newshound.system.SearchHits.walk;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paging with cursors over a point in time, on the real indexer and node: every story exactly once, its copies
 * folded into it, while new articles (that match the query and sort first) are indexed between pages.
 */
@LocalStackTest
class SearchCursorIntegrationTests {

	private static final String LATE_SOURCE = "Late Wire";

	static SearchFixture fixture;

	/** Ids of the articles published by {@link #arriveOnce}, by every test of the class so far. */
	static final List<String> LATE = new ArrayList<>();

	@BeforeAll
	static void indexCorpus(LocalStack stack) throws Exception {
		fixture = new SearchFixture(stack, List.of(LATE_SOURCE));
	}

	@AfterAll
	static void stop() throws Exception {
		if (fixture != null) {
			fixture.close();
		}
	}

	/** Everything, newest first, 25 stories a page: each article visited once, as a hit or as another source of one. */
	@Test
	void everyArticleExactlyOnceWhileNewOnesArrive() {
		List<String> expected = new ArrayList<>(SearchFixture.CORPUS.articles().stream().map(ArticleEvent::articleId).toList());
		expected.addAll(LATE);
		AtomicBoolean arrived = new AtomicBoolean();
		List<JsonNode> hits = walk(fixture, List.of("size", "25"), () -> arriveOnce(arrived));
		assertThat(arrived).isTrue();
		assertThat(articlesOf(hits)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
		assertThat(hits).hasSize(SearchFixture.CORPUS.stories().size() + expected.size() - SearchFixture.CORPUS.articles().size());
		assertThat(hits.stream().map((hit) -> hit.path("storyId").asString()).filter((story) -> !story.isEmpty()))
			.doesNotHaveDuplicates();
		assertThat(fixture.ok("size", "1").path("total").asLong()).isEqualTo(SearchFixture.CORPUS.articles().size() + LATE.size());
		// the new articles have no storyId: each is a story of its own, not one group of all of them
		assertThat(fixture.ok("source", LATE_SOURCE, "size", "100").path("hits")).hasSize(LATE.size());
	}

	/** By relevance, 7 stories a page, new matching articles arriving between pages: the same, by score. */
	@Test
	void relevancePagesAreStableToo() {
		List<String> expected = new ArrayList<>(corpusWhere("nvidia|nvda", (a) -> true));
		expected.addAll(LATE);
		AtomicBoolean arrived = new AtomicBoolean();
		List<JsonNode> hits = walk(fixture, List.of("q", "nvidia", "size", "7"), () -> arriveOnce(arrived));
		assertThat(arrived).isTrue();
		assertThat(articlesOf(hits)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
		assertThat(hits.size()).isGreaterThan(7);
	}

	/** A cursor is bound to its query, cannot be altered, and lapses with its point in time. */
	@Test
	void cursorMisuseIsRefused() throws Exception {
		JsonNode first = fixture.ok("q", "nvidia", "size", "2");
		String cursor = first.path("nextCursor").asString();
		assertRefused(fixture.search("q", "openai", "size", "2", "cursor", cursor), "belongs to another query");
		String tampered = cursor.substring(0, 10) + ((cursor.charAt(10) == 'A') ? 'B' : 'A') + cursor.substring(11);
		assertRefused(fixture.search("q", "nvidia", "size", "2", "cursor", tampered), "was not issued by this service");
		assertThat(fixture.search("q", "nvidia", "size", "2", "cursor", cursor).status()).isEqualTo(200);
		JsonNode payload = SearchFixture.JSON
			.readTree(Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))));
		fixture.elasticsearch("DELETE", "/_pit", SearchFixture.JSON.writeValueAsString(Map.of("id", payload.path("p").asString())));
		assertRefused(fixture.search("q", "nvidia", "size", "2", "cursor", cursor), "has expired");
	}

	private static void assertRefused(SearchFixture.Response response, String message) {
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().path("parameter").asString()).isEqualTo("cursor");
		assertThat(response.json().path("detail").asString()).contains(message);
	}

	/** After the first page: ten new Nvidia articles, newer than everything, searchable before the next page. */
	private static void arriveOnce(AtomicBoolean arrived) {
		if (arrived.getAndSet(true)) {
			return;
		}
		List<ArticleEvent> late = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			int number = LATE.size() + i;
			String url = "https://latewire.example/nvidia-news-" + number;
			String title = "Nvidia news just in, number " + number;
			String body = "Nvidia said something new about Nvidia chips, item " + number + ".";
			late.add(new ArticleEvent(1, ArticleIds.of(url), url, LATE_SOURCE, title, body, null, List.of(),
					NewsCorpus.ANCHOR.minus(Duration.ofMinutes(1)), NewsCorpus.ANCHOR, NewsCorpus.ANCHOR, "en", null,
					null, List.of("late"), Integer.toHexString(url.hashCode()), null));
		}
		try {
			fixture.publish(late);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		late.forEach((article) -> LATE.add(article.articleId()));
		fixture.awaitCount(SearchFixture.CORPUS.articles().size() + LATE.size());
	}

}
