package io.newshound.search.api;

import java.util.List;

/**
 * The body of {@code GET /api/suggest}: completions for what the user is typing.
 *
 * @param prefix the prefix asked about
 * @param entities entities (people, companies, products) starting with the prefix, most frequent first, with
 * their article counts
 * @param titles headlines containing a word (or words) starting with the prefix, one per story
 */
record SuggestResult(String prefix, List<SearchResult.FacetValue> entities, List<Title> titles) {

	record Title(String id, String title) {
	}

}
