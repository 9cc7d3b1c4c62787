package io.newshound.search.api;

import java.time.Instant;
import java.util.List;

/**
 * Where a page of results ended: decoded from, and encoded into, the opaque {@code cursor} parameter by
 * {@link CursorCodec}.
 *
 * @param pitId the Elasticsearch point in time all pages read
 * @param searchAfter sort values of the last hit consumed ({@code Long}, {@code Double}, {@code String},
 * {@code Boolean} or {@code null} elements)
 * @param fingerprint the query's {@link SearchQuery#fingerprint()}
 * @param now the first page's reference time ({@link SearchQuery#now()})
 * @param expiresAt when the point in time lapses unless another page is read
 */
record Cursor(String pitId, List<Object> searchAfter, String fingerprint, Instant now, Instant expiresAt) {
}
