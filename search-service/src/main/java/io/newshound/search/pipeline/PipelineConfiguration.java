package io.newshound.search.pipeline;

import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** The clients {@code GET /api/pipeline} reads the crawler and Kafka with. */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

	@Bean
	CrawlerClient crawlerClient(WebClient.Builder builder, PipelineProperties properties) {
		return new CrawlerClient(builder, properties.crawlerUrl(), properties.timeout());
	}

	/** Its own admin client with short timeouts, so that a Kafka outage answers quickly instead of after a minute. */
	@Bean(destroyMethod = "close")
	IndexerLag indexerLag(KafkaProperties kafka, PipelineProperties properties) {
		Map<String, Object> config = kafka.buildAdminProperties();
		int millis = (int) properties.timeout().toMillis();
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
		config.put(AdminClientConfig.CLIENT_ID_CONFIG, "newshound-search-pipeline-status");
		return new IndexerLag(Admin.create(config), properties.indexerGroup(), properties.timeout());
	}

}
