package io.newshound.indexer.ingest;

import java.time.Clock;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest5_client.low_level.Rest5ClientBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import io.newshound.events.Topics;
import io.newshound.indexer.IndexerProperties;
import io.newshound.indexer.enrich.ArticleEnricher;
import io.newshound.indexer.enrich.LanguageDetection;
import io.newshound.indexer.enrich.Taxonomy;
import io.newshound.indexer.enrich.TaxonomyMatcher;
import io.newshound.indexer.index.ArticleIndexSetup;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;

@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

	@Bean
	KafkaAdmin.NewTopics indexerTopics(IndexerProperties properties) {
		IndexerProperties.Topics topics = properties.topics();
		return new KafkaAdmin.NewTopics(topic(Topics.ARTICLES, topics), topic(Topics.ARTICLES_DLT, topics),
				topic(Topics.INDEXED, topics));
	}

	private static NewTopic topic(String name, IndexerProperties.Topics topics) {
		return TopicBuilder.name(name).partitions(topics.partitions()).replicas(topics.replicationFactor()).build();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	ArticleIndexSetup articleIndexSetup(ElasticsearchClient client, IndexerProperties properties) {
		return new ArticleIndexSetup(client, properties.index());
	}

	@Bean
	IndexerEvents indexerEvents(KafkaTemplate<String, byte[]> template, Clock clock) {
		return new IndexerEvents(template, clock);
	}

	/** Reads the taxonomy file at start: a broken one stops the indexer with a message naming the entry. */
	@Bean
	ArticleEnricher articleEnricher(IndexerProperties properties) {
		IndexerProperties.Enrichment enrichment = properties.enrichment();
		TaxonomyMatcher matcher = new TaxonomyMatcher(Taxonomy.load(enrichment.taxonomy()),
				enrichment.topicMinMentions());
		return new ArticleEnricher(matcher, new LanguageDetection(enrichment.languages()));
	}

	/**
	 * The listener, and the container's rebalance listener (Spring Boot sets a unique
	 * {@code ConsumerAwareRebalanceListener} bean on the container factory).
	 */
	@Bean(destroyMethod = "close")
	ArticleBatchListener articleBatchListener(ElasticsearchClient client, IndexerEvents events,
			ArticleEnricher enricher, IndexerProperties properties, MeterRegistry meters, Clock clock,
			ObjectProvider<KafkaListenerEndpointRegistry> registry) {
		IndexerMetrics metrics = new IndexerMetrics(meters);
		BulkWriter writer = new BulkWriter(new ElasticsearchAsyncClient(client._transport()), properties.index().alias(),
				enricher, clock, metrics.bulkLatency);
		AtomicInteger consumers = new AtomicInteger();
		IndexingPipeline.Pauser pauser = new IndexingPipeline.Pauser() {

			@Override
			public void pause(Collection<TopicPartition> partitions) {
				partitions.forEach(container(registry)::pausePartition);
			}

			@Override
			public void resume(Collection<TopicPartition> partitions) {
				partitions.forEach(container(registry)::resumePartition);
			}

		};
		return new ArticleBatchListener(writer, properties.bulk().maxBytes().toBytes(),
				(consumer) -> new IndexingPipeline("indexer-pipeline-" + consumers.incrementAndGet(), writer, events,
						metrics, properties.retry().backOff(), pauser, properties.bulk().maxInFlightBytes().toBytes(),
						properties.bulk().maxInFlightRequests()),
				properties.bulk().drainOnRevoke());
	}

	/** Enough connections for every consumer's bulk requests in flight (each held until its refresh). */
	@Bean
	Rest5ClientBuilderCustomizer bulkConnections(IndexerProperties properties) {
		return new Rest5ClientBuilderCustomizer() {

			@Override
			public void customize(Rest5ClientBuilder builder) {
			}

			@Override
			public void customize(PoolingAsyncClientConnectionManagerBuilder connections) {
				connections.setMaxConnPerRoute(properties.bulk().connections())
					.setMaxConnTotal(properties.bulk().connections());
			}

		};
	}

	private static MessageListenerContainer container(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
		return registry.getObject().getListenerContainer(ArticleBatchListener.LISTENER_ID);
	}

	/**
	 * Retries a poll whose listener call failed (enrichment, building the requests) for as long as it takes; failures
	 * of Elasticsearch and Kafka are retried by the {@link IndexingPipeline}.
	 */
	@Bean
	CommonErrorHandler retryForeverErrorHandler(IndexerProperties properties) {
		return new DefaultErrorHandler(properties.retry().backOff());
	}

	@Bean
	IndexSetupStatus indexSetupStatus(IndexerProperties properties, Clock clock) {
		return new IndexSetupStatus(properties.index().alias(), clock);
	}

	/** The {@code indexSetup} component of {@code /actuator/health}. */
	@Bean
	IndexSetupHealthIndicator indexSetupHealthIndicator(IndexSetupStatus status) {
		return new IndexSetupHealthIndicator(status);
	}

	@Bean
	IndexerStartup indexerStartup(ArticleIndexSetup indexSetup, KafkaListenerEndpointRegistry registry,
			IndexSetupStatus status, IndexerProperties properties) {
		return new IndexerStartup(indexSetup::ensureIndex,
				() -> registry.getListenerContainer(ArticleBatchListener.LISTENER_ID).start(), status,
				properties.retry().backOff());
	}

}
