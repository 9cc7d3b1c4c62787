package io.newshound.crawler.publish;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.newshound.crawler.CrawlerProperties;
import io.newshound.events.ArticleEvent;
import io.newshound.events.EventSerializer;
import io.newshound.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

/**
 * The Kafka side: an idempotent producer ({@code acks=all}) of {@link ArticleEvent}s keyed by article
 * id, on top of Spring Boot's {@code spring.kafka.*} settings (so {@code spring.kafka.bootstrap-servers}
 * and {@code SPRING_KAFKA_BOOTSTRAP_SERVERS} work); the topic declaration (the broker does not create
 * topics by itself), created by {@link ArticlesTopicInitializer} rather than by Spring's KafkaAdmin so that
 * a broker that is away does not hold the start ({@code spring.kafka.admin.auto-create} is off); and
 * the Kafka health indicator.
 */
@Configuration(proxyBeanMethods = false)
class KafkaPublishConfiguration {

	@Bean
	ProducerFactory<String, ArticleEvent> articleProducerFactory(KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
		config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newshound-crawler");
		return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new EventSerializer<>());
	}

	@Bean
	KafkaTemplate<String, ArticleEvent> articleKafkaTemplate(ProducerFactory<String, ArticleEvent> producerFactory) {
		return new KafkaTemplate<>(producerFactory);
	}

	@Bean
	ArticlePublisher articlePublisher(KafkaTemplate<String, ArticleEvent> template, CrawlerProperties properties) {
		return new KafkaArticlePublisher(template, properties.publish().timeout());
	}

	@Bean
	NewTopic articlesTopic(CrawlerProperties properties) {
		return TopicBuilder.name(Topics.ARTICLES)
			.partitions(properties.publish().partitions())
			.replicas(properties.publish().replicas())
			.build();
	}

	@Bean
	ArticlesTopicInitializer articlesTopicInitializer(KafkaAdmin admin, NewTopic articlesTopic) {
		return new ArticlesTopicInitializer(new HashMap<>(admin.getConfigurationProperties()), articlesTopic);
	}

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
		return new KafkaHealthIndicator(new HashMap<>(admin.getConfigurationProperties()), Duration.ofSeconds(3));
	}

}
