package io.newshound.search.alert.delivery;

import java.time.Instant;

/**
 * One match as it travels: the value of an {@code alerts.matches.v1} record (keyed by alert id), the {@code data} of
 * an SSE {@code match} event and the body of a webhook call.
 *
 * @param matchId deterministic id of the match: the same (alert, article), or (alert, story) with once-per-story,
 * always gives the same id, so receivers can recognise a repeated webhook call
 * @param snippet the start of the summary or body, plain text; may be {@code null}
 * @param storyId may be {@code null}
 * @param publishedAt may be {@code null}
 * @param indexedAt when the article became searchable, the start of the match latency
 */
public record AlertMatch(String matchId, String alertId, String articleId, String title, String url, String source,
		Instant publishedAt, String snippet, String storyId, Instant indexedAt, Instant matchedAt) {
}
