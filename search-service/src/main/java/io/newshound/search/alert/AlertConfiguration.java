package io.newshound.search.alert;

import java.time.Clock;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.newshound.search.SearchProperties;
import io.newshound.search.alert.delivery.MatchLog;
import io.newshound.search.alert.delivery.webhook.WebhookDeliverer;
import io.newshound.search.alert.delivery.webhook.WebhookTargets;
import io.newshound.search.alert.matching.AlertMatcher;
import io.newshound.search.alert.matching.AlertMatching;
import io.newshound.search.alert.matching.IndexedArticleConsumer;
import io.newshound.search.alert.matching.MatchClaims;
import io.newshound.search.alert.subscription.AlertAccess;
import io.newshound.search.alert.subscription.AlertRequests;
import io.newshound.search.alert.subscription.AlertStore;
import io.newshound.search.query.QueryParser;
import io.newshound.support.net.AddressGuard;
import io.newshound.support.net.HostResolver;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Topic alerts: subscriptions, matching, delivery. Nothing here talks to Kafka or Elasticsearch while the context
 * starts; {@link AlertsLifecycle} does, in the background. Alerts keep their own wall clock (times of matches and
 * signatures are real times even where the search API runs on another clock).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "newshound.alerts.enabled", matchIfMissing = true)
class AlertConfiguration {

	private final Clock clock = Clock.systemUTC();

	@Bean
	KafkaClients alertKafkaClients(KafkaProperties kafka) {
		return new KafkaClients(kafka.getBootstrapServers());
	}

	@Bean(destroyMethod = "")
	AlertStore alertStore(KafkaClients clients, AlertProperties properties) {
		return new AlertStore(clients, properties.subscriptionsTopic());
	}

	@Bean
	AlertMatcher alertMatcher(AlertProperties properties) {
		return new AlertMatcher(properties.matcherMode());
	}

	@Bean
	AlertMatching alertMatching(AlertMatcher matcher, AlertStore store, SearchProperties search, MeterRegistry meters) {
		AlertMatching matching = new AlertMatching(matcher, store, parser(search));
		Gauge.builder("newshound.alerts.subscriptions", matching, AlertMatching::size)
			.description("Active alerts registered with the matcher")
			.register(meters);
		return matching;
	}

	@Bean
	MatchClaims matchClaims(ElasticsearchAsyncClient client, AlertProperties properties) {
		return new MatchClaims(client, properties.matchesIndex());
	}

	@Bean(destroyMethod = "")
	MatchLog matchLog(KafkaClients clients, AlertProperties properties, MeterRegistry meters) {
		MatchLog log = new MatchLog(clients, properties.matchesTopic());
		Gauge.builder("newshound.alerts.streams", log, MatchLog::connections)
			.description("Alert streams (SSE) connected to this instance")
			.register(meters);
		return log;
	}

	@Bean
	WebhookTargets webhookTargets(AlertProperties properties) {
		return new WebhookTargets(new AddressGuard(HostResolver.system()),
				properties.webhook().allowPrivateAddresses(), properties.webhook().allowedSchemes());
	}

	@Bean(destroyMethod = "")
	WebhookDeliverer webhookDeliverer(KafkaClients clients, AlertProperties properties, AlertStore store,
			WebhookTargets targets, MeterRegistry meters) {
		return new WebhookDeliverer(clients, properties, store, targets, this.clock, meters);
	}

	@Bean(destroyMethod = "")
	IndexedArticleConsumer indexedArticleConsumer(KafkaClients clients, AlertProperties properties,
			AlertMatching matching, MatchClaims claims, ElasticsearchAsyncClient client, MeterRegistry meters) {
		return new IndexedArticleConsumer(clients, properties.matcherGroup(), properties.matchesTopic(), matching,
				claims, client, this.clock, meters);
	}

	@Bean
	AlertsLifecycle alerts(AlertProperties properties, KafkaClients clients, AlertStore store, MatchClaims claims,
			MatchLog log, WebhookDeliverer webhooks, IndexedArticleConsumer matcher) {
		return new AlertsLifecycle(properties, clients, store, claims, log, webhooks, matcher);
	}

	@Bean
	AlertAccess alertAccess(AlertStore store) {
		return new AlertAccess(store);
	}

	@Bean
	AlertRequests alertRequests(SearchProperties search, WebhookTargets targets) {
		return new AlertRequests(parser(search), search.maxQueryLength(), targets);
	}

	@Bean
	io.newshound.search.alert.subscription.AlertControllerSettings alertControllerSettings(AlertProperties properties) {
		return new io.newshound.search.alert.subscription.AlertControllerSettings(this.clock, properties.maxAlerts());
	}

	private static QueryParser parser(SearchProperties search) {
		return new QueryParser(search.maxQueryTerms(), search.maxQueryDepth(), search.minPrefixLength());
	}

}
