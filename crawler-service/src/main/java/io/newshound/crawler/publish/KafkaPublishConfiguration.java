package io.newshound.crawler.publish;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.newshound.crawler.CrawlerProperties;
import io.newshound.events.ArticleEvent;
import io.newshound.events.EventSerializer;
import io.newshound.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The Kafka side. Spring Boot's producer factory (so {@code spring.kafka.*}, connection details and
 * SSL bundles apply, and {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} works) is made an idempotent producer
 * with {@code acks=all} whatever the configuration says, writing {@link ArticleEvent}s as the contract's
 * JSON keyed by article id. The topic is declared as a {@link NewTopic} and created by
 * {@link TopicsInitializer} (with every other {@link NewTopic} bean) rather than by Spring's {@link KafkaAdmin}, so that a broker that is
 * away does not hold the start ({@code spring.kafka.admin.auto-create} is off in crawler-service.yml).
 */
@Configuration(proxyBeanMethods = false)
class KafkaPublishConfiguration {

	/** Producer settings that are defaults: a deployment may change them. */
	private static final Map<String, Object> PRODUCER_DEFAULTS = Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
			ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000,
			ProducerConfig.CLIENT_ID_CONFIG, "newshound-crawler");

	@Bean
	DefaultKafkaProducerFactoryCustomizer articleProducerCustomizer() {
		return (factory) -> {
			Map<String, Object> configs = new HashMap<>();
			PRODUCER_DEFAULTS.forEach((key, value) -> {
				if (!factory.getConfigurationProperties().containsKey(key)) {
					configs.put(key, value);
				}
			});
			configs.put(ProducerConfig.ACKS_CONFIG, "all");
			configs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
			factory.updateConfigs(configs);
			articles(factory).setKeySerializer(new StringSerializer());
			articles(factory).setValueSerializer(new EventSerializer<>());
		};
	}

	@SuppressWarnings("unchecked")
	private static DefaultKafkaProducerFactory<String, ArticleEvent> articles(DefaultKafkaProducerFactory<?, ?> factory) {
		// Boot declares its factory with wildcards; the serializers set above make it this type
		return (DefaultKafkaProducerFactory<String, ArticleEvent>) factory;
	}

	@Bean
	@SuppressWarnings("unchecked")
	KafkaTemplate<String, ArticleEvent> articleKafkaTemplate(ProducerFactory<?, ?> producerFactory) {
		return new KafkaTemplate<>((ProducerFactory<String, ArticleEvent>) producerFactory);
	}

	@Bean
	ArticlePublisher articlePublisher(KafkaTemplate<String, ArticleEvent> articleKafkaTemplate,
			CrawlerProperties properties) {
		return new KafkaArticlePublisher(articleKafkaTemplate, properties.publish().timeout());
	}

	@Bean
	NewTopic articlesTopic(CrawlerProperties properties) {
		return TopicBuilder.name(Topics.ARTICLES)
			.partitions(properties.publish().partitions())
			.replicas(properties.publish().replicas())
			.build();
	}

	@Bean
	TopicsInitializer topicsInitializer(KafkaAdmin admin, List<NewTopic> topics) {
		return new TopicsInitializer(new HashMap<>(admin.getConfigurationProperties()), topics);
	}

}
