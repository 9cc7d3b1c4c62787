package io.newshound.bench.alerts;

import io.newshound.bench.BenchContext;
import io.newshound.bench.report.Figure;

/**
 * Figure 4: alert matching with 10,000 subscriptions, presearcher against brute force, and crawl-published to
 * SSE-received latency. It needs the search service's {@code AlertMatcher} and {@code /api/alerts/{id}/stream},
 * which are not on this branch yet; until they are, the report says so.
 */
public final class AlertsFigure {

	static final String TITLE = "Alerts: presearcher versus brute force";

	private AlertsFigure() {
	}

	public static Figure run(BenchContext context) {
		return Figure.notMeasured(4, TITLE, "The alerts feature (AlertMatcher with a brute-force mode, SSE at "
				+ "/api/alerts/{id}/stream) is not merged yet; this figure plugs into the harness as "
				+ "io.newshound.bench.alerts.AlertsFigure once it is.");
	}

}
