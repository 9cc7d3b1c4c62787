package io.newshound.crawler.cluster;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.newshound.crawler.CrawlerProperties;
import io.newshound.crawler.crawl.CrawlScheduler;
import io.newshound.crawler.crawl.LinkForwarder;
import io.newshound.crawler.crawl.SourcePoller;
import io.newshound.crawler.fetch.HostOwnership;
import io.newshound.crawler.source.SourceHealth;
import io.newshound.crawler.source.SourceRegistry;
import io.newshound.crawler.state.CrawlState;
import io.newshound.crawler.state.FileCrawlState;
import io.newshound.crawler.state.KafkaCrawlState;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * How this crawler shares its work (see {@link CrawlerProperties.Cluster}): with other instances
 * through Kafka (the default), or not at all ({@code newshound.crawler.cluster.enabled=false}: it owns
 * every host and keeps its state in {@code state-dir}).
 */
@Configuration(proxyBeanMethods = false)
class ClusterConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ClusterConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "newshound.crawler.cluster", name = "enabled", havingValue = "false")
	static class Alone {

		@Bean
		HostOwnership hostOwnership() {
			return HostOwnership.everything();
		}

		@Bean
		LinkForwarder linkForwarder() {
			return LinkForwarder.NONE;
		}

		@Bean(destroyMethod = "close")
		CrawlState crawlState(CrawlerProperties properties) {
			return FileCrawlState.open(properties.stateDir());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(prefix = "newshound.crawler.cluster", name = "enabled", havingValue = "true",
			matchIfMissing = true)
	static class Shared {

		/** This instance's id for this run: names its Kafka clients and marks the state it writes. */
		record Instance(String id) {
		}

		@Bean
		Instance crawlerInstance() {
			return new Instance(UUID.randomUUID().toString().substring(0, 8));
		}

		@Bean
		PartitionOwnership hostOwnership(MeterRegistry meters) {
			PartitionOwnership ownership = new PartitionOwnership();
			Gauge.builder("newshound.crawler.partitions.owned", ownership, (owned) -> owned.active().size())
				.description("Frontier partitions (and so hosts) this crawler instance crawls")
				.register(meters);
			return ownership;
		}

		@Bean
		NewTopic frontierTopic(CrawlerProperties properties) {
			CrawlerProperties.Cluster cluster = properties.cluster();
			return TopicBuilder.name(cluster.frontierTopic())
				.partitions(cluster.partitions())
				.replicas(cluster.replicas())
				.build();
		}

		@Bean
		NewTopic stateTopic(CrawlerProperties properties) {
			CrawlerProperties.Cluster cluster = properties.cluster();
			return TopicBuilder.name(cluster.stateTopic())
				.partitions(cluster.partitions())
				.replicas(cluster.replicas())
				.compact()
				.build();
		}

		/**
		 * Frontier and state records: string keys, JSON values; Spring Boot's producer settings apply
		 * (idempotent, acks=all). One producer, made on first use and closed with the application.
		 */
		@Bean
		ClusterProducer clusterProducer(ProducerFactory<?, ?> producerFactory, Instance instance) {
			Map<String, Object> config = new HashMap<>(producerFactory.getConfigurationProperties());
			config.put("client.id", "newshound-crawler-" + instance.id() + "-cluster");
			config.remove("transactional.id");
			config.remove("key.serializer");
			config.remove("value.serializer");
			return new ClusterProducer(config);
		}

		@Bean
		KafkaCrawlState crawlState(ConsumerFactory<?, ?> consumerFactory, ClusterProducer clusterProducer,
				CrawlerProperties properties, Instance instance) {
			Map<String, Object> config = new HashMap<>(consumerFactory.getConfigurationProperties());
			config.put("client.id", "newshound-crawler-" + instance.id() + "-state");
			return new KafkaCrawlState(config, clusterProducer, properties.cluster().stateTopic(), instance.id(),
					properties.publish().timeout(), properties.stateDir());
		}

		@Bean
		KafkaLinkForwarder linkForwarder(ClusterProducer clusterProducer, CrawlerProperties properties,
				PartitionOwnership ownership) {
			return new KafkaLinkForwarder(clusterProducer, properties.cluster().frontierTopic(), ownership,
					properties.publish().timeout());
		}

		@Bean
		CrawlMembership crawlMembership(CrawlerProperties properties, ConsumerFactory<?, ?> consumerFactory,
				PartitionOwnership ownership, KafkaCrawlState crawlState, SourceRegistry registry, SourcePoller poller,
				CrawlScheduler scheduler, Instance instance) {
			CrawlerProperties.Cluster cluster = properties.cluster();
			CrawlMembership.Settings settings = new CrawlMembership.Settings(
					new HashMap<>(consumerFactory.getConfigurationProperties()), cluster.group(), cluster.frontierTopic(),
					cluster.stateTopic(), instance.id(), handoverTimeout(properties),
					properties.politeness().minDelay(), properties.schedulingEnabled());
			return new CrawlMembership(settings, ownership, crawlState, (item) -> {
				SourceHealth health = registry.health(item.source());
				if (health == null) {
					log.warn("Dropped a link handed over for source '{}', which is not configured here: {}",
							item.source(), item.link().url());
					return true;
				}
				return poller.takeOver(health, item.link(), item.redirects());
			}, scheduler::execute);
		}

		/**
		 * Longest wait for work on a revoked partition: a request (connect and read timeouts) or a
		 * publish with its state record (twice the publish timeout), with a margin.
		 */
		static Duration handoverTimeout(CrawlerProperties properties) {
			Duration request = properties.fetch().connectTimeout().plus(properties.fetch().readTimeout());
			Duration publish = properties.publish().timeout().multipliedBy(2);
			return ((request.compareTo(publish) >= 0) ? request : publish).plusSeconds(5);
		}

	}

}
