package io.newshound.search.alert.subscription;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Who may see an alert: whoever presents its token, as {@code Authorization: Bearer <token>} or as the
 * {@code token} query parameter (EventSource and feed readers cannot set headers). Anything else is
 * {@link AlertNotFoundException}, exactly as for an id that does not exist.
 */
public final class AlertAccess {

	private final AlertStore store;

	public AlertAccess(AlertStore store) {
		this.store = store;
	}

	/**
	 * The alert, if the request holds its token.
	 * @throws AlertNotFoundException when the id is unknown or the token missing or wrong
	 * @throws AlertsUnavailableException while the alerts are still loading
	 */
	public Alert authorize(String id, ServerHttpRequest request) {
		if (!this.store.loaded()) {
			throw new AlertsUnavailableException("Alerts are loading; try again shortly.", null);
		}
		Alert alert = (id != null && id.length() <= 64) ? this.store.get(id) : null;
		if (!AlertTokens.matches(alert, token(request))) {
			throw new AlertNotFoundException();
		}
		return alert;
	}

	static String token(ServerHttpRequest request) {
		String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return header.substring(7).strip();
		}
		return request.getQueryParams().getFirst("token");
	}

}
