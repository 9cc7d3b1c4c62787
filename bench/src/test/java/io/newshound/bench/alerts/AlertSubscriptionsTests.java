package io.newshound.bench.alerts;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.newshound.corpus.BodyLength;
import io.newshound.corpus.NewsCorpus;
import io.newshound.search.alert.matching.AlertMatcher;
import io.newshound.search.alert.matching.AlertMatcher.Mode;
import io.newshound.search.alert.matching.MatchableArticle;

import static org.assertj.core.api.Assertions.assertThat;

/** Figure 4's subscriptions: the same every run, all valid queries, and the two modes agree on a small sample. */
class AlertSubscriptionsTests {

	@Test
	void theSameVariedQueriesEveryRun() {
		List<String> queries = AlertSubscriptions.queries(AlertsFigure.SUBSCRIPTIONS);
		assertThat(queries).isEqualTo(AlertSubscriptions.queries(AlertsFigure.SUBSCRIPTIONS));
		assertThat(new HashSet<>(queries)).hasSizeGreaterThan(2_000);
		assertThat(queries).anyMatch((q) -> q.contains(" OR "))
			.anyMatch((q) -> q.contains(" -"))
			.anyMatch((q) -> q.contains("\""))
			.anyMatch((q) -> q.contains("*"));
		assertThat(AlertSubscriptions.alerts(AlertsFigure.SUBSCRIPTIONS)).hasSize(AlertsFigure.SUBSCRIPTIONS);
	}

	@Test
	void presearcherAndBruteForceFindTheSameMatches() {
		List<AlertMatcher.AlertQuery> alerts = AlertSubscriptions.alerts(300);
		List<MatchableArticle> articles = NewsCorpus.stream(NewsCorpus.SEED, 30, NewsCorpus.ANCHOR, BodyLength.FULL)
			.map(AlertsFigure::matchable)
			.toList();
		try (AlertMatcher presearcher = new AlertMatcher(Mode.PRESEARCHER);
				AlertMatcher bruteForce = new AlertMatcher(Mode.BRUTE_FORCE)) {
			presearcher.register(alerts);
			bruteForce.register(alerts);
			int total = 0;
			for (MatchableArticle article : articles) {
				Set<String> matched = presearcher.match(article);
				assertThat(matched).isEqualTo(bruteForce.match(article));
				total += matched.size();
			}
			assertThat(total).isPositive();
		}
	}

}
