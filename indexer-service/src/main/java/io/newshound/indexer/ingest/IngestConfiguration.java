package io.newshound.indexer.ingest;

import java.time.Clock;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.newshound.events.ArticleIndexedEvent;
import io.newshound.events.Topics;
import io.newshound.indexer.IndexerProperties;
import io.newshound.indexer.enrich.ArticleEnricher;
import io.newshound.indexer.enrich.LanguageDetection;
import io.newshound.indexer.enrich.Taxonomy;
import io.newshound.indexer.enrich.TaxonomyMatcher;
import io.newshound.indexer.index.ArticleIndexSetup;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

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
	IndexerEvents indexerEvents(KafkaTemplate<String, ArticleIndexedEvent> indexedTemplate,
			ProducerFactory<String, ArticleIndexedEvent> producerFactory, Clock clock) {
		Map<String, Object> bytes = Map.of(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
		KafkaTemplate<String, byte[]> deadLetterTemplate = new KafkaTemplate<>(
				new DefaultKafkaProducerFactory<String, byte[]>(producerFactory.getConfigurationProperties())
					.copyWithConfigurationOverride(bytes));
		return new IndexerEvents(indexedTemplate, deadLetterTemplate, clock);
	}

	/** Reads the taxonomy file at start: a broken one stops the indexer with a message naming the entry. */
	@Bean
	ArticleEnricher articleEnricher(IndexerProperties properties) {
		IndexerProperties.Enrichment enrichment = properties.enrichment();
		TaxonomyMatcher matcher = new TaxonomyMatcher(Taxonomy.load(enrichment.taxonomy()),
				enrichment.topicMinMentions());
		return new ArticleEnricher(matcher, new LanguageDetection(enrichment.languages()));
	}

	@Bean
	ArticleBatchListener articleBatchListener(ElasticsearchClient client, IndexerEvents events,
			ArticleEnricher enricher, IndexerProperties properties, MeterRegistry meters, Clock clock) {
		BulkWriter writer = new BulkWriter(client, properties.index().alias(), enricher, clock);
		return new ArticleBatchListener(writer, events, properties.bulk().maxBytes().toBytes(),
				new IndexerMetrics(meters));
	}

	/** Retries a failed poll for as long as it takes: transient failures must not drop anything. */
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
