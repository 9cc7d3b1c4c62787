package io.newshound.system;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import io.newshound.corpus.Landmark;
import io.newshound.events.ArticleEvent;

/** Reading search answers and the corpus in the terms the assertions use. */
final class SearchHits {

	private SearchHits() {
	}

	static String id(Landmark landmark) {
		return SearchFixture.CORPUS.landmark(landmark).articleId();
	}

	static List<String> ids(JsonNode result) {
		List<String> ids = new ArrayList<>();
		for (JsonNode hit : result.path("hits")) {
			ids.add(hit.path("id").asString());
		}
		return ids;
	}

	/** Every article a list of hits stands for: each hit and the other copies of its story. */
	static List<String> articlesOf(List<JsonNode> hits) {
		List<String> ids = new ArrayList<>();
		for (JsonNode hit : hits) {
			ids.add(hit.path("id").asString());
			for (JsonNode other : hit.path("otherSources")) {
				ids.add(other.path("id").asString());
			}
		}
		return ids;
	}

	static List<JsonNode> hits(JsonNode result) {
		List<JsonNode> hits = new ArrayList<>();
		result.path("hits").forEach(hits::add);
		return hits;
	}

	/** Follows {@code nextCursor} to the end; every page's hits, in order. */
	static List<JsonNode> walk(SearchFixture fixture, List<String> parameters, Runnable betweenPages) {
		List<JsonNode> hits = new ArrayList<>();
		String cursor = null;
		for (int page = 0; page < 500; page++) {
			List<String> withCursor = new ArrayList<>(parameters);
			if (cursor != null) {
				withCursor.addAll(List.of("cursor", cursor));
			}
			JsonNode result = fixture.ok(withCursor.toArray(String[]::new));
			hits.addAll(hits(result));
			cursor = result.path("nextCursor").isNull() ? null : result.path("nextCursor").asString();
			if (cursor == null) {
				return hits;
			}
			betweenPages.run();
		}
		throw new AssertionError("more than 500 pages");
	}

	/** Corpus articles whose title, summary or body has a whole word matching {@code regex} (case-insensitive). */
	static Set<String> corpusWhere(String regex, Predicate<ArticleEvent> also) {
		Pattern pattern = Pattern.compile("\\b(" + regex + ")\\b", Pattern.CASE_INSENSITIVE);
		Set<String> ids = new LinkedHashSet<>();
		for (ArticleEvent article : SearchFixture.CORPUS.articles()) {
			String text = article.title() + "\n" + article.summary() + "\n" + article.body();
			if (pattern.matcher(text).find() && also.test(article)) {
				ids.add(article.articleId());
			}
		}
		return ids;
	}

	static ArticleEvent article(String id) {
		return SearchFixture.CORPUS.articles()
			.stream()
			.filter((article) -> article.articleId().equals(id))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no corpus article " + id));
	}

	static String text(String id) {
		ArticleEvent article = article(id);
		return (article.title() + " " + article.summary() + " " + article.body()).toLowerCase(Locale.ROOT);
	}

}
