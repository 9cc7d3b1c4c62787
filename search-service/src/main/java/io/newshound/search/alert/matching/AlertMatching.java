package io.newshound.search.alert.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newshound.search.alert.subscription.Alert;
import io.newshound.search.alert.subscription.AlertStore;
import io.newshound.search.query.QueryNode;
import io.newshound.search.query.QueryParser;

/**
 * Keeps the {@link AlertMatcher} in step with the {@link AlertStore}: an alert is registered when saved, replaced
 * when changed, removed when paused or deleted. Queries are parsed with the search parser's limits (they were
 * validated when saved).
 */
public final class AlertMatching {

	private static final Logger logger = LoggerFactory.getLogger(AlertMatching.class);

	private final AlertMatcher matcher;

	private final AlertStore store;

	private final QueryParser parser;

	public AlertMatching(AlertMatcher matcher, AlertStore store, QueryParser parser) {
		this.matcher = matcher;
		this.store = store;
		this.parser = parser;
		store.onChange(this::apply);
	}

	/** The alerts that match the article, as the store holds them now (paused ones never match). */
	public List<Alert> match(MatchableArticle article) {
		Set<String> ids = this.matcher.match(article);
		List<Alert> alerts = new ArrayList<>(ids.size());
		for (String id : ids) {
			Alert alert = this.store.get(id);
			if (alert != null && !alert.paused()) {
				alerts.add(alert);
			}
		}
		return alerts;
	}

	public int size() {
		return this.matcher.size();
	}

	private void apply(AlertStore.Change change) {
		Alert alert = change.alert();
		if (alert == null || alert.paused()) {
			this.matcher.remove(change.id());
			return;
		}
		try {
			QueryNode query = this.parser.parse(alert.query());
			this.matcher.register(new AlertMatcher.AlertQuery(alert.id(), query, alert.sources(), alert.tags(),
					alert.language()));
		}
		catch (RuntimeException ex) {
			logger.error("Alert {} has a query that cannot be matched; it is left out: {}", alert.id(), ex.getMessage());
			this.matcher.remove(change.id());
		}
	}

}
