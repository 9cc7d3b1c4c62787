package io.newshound.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.transport.ElasticsearchTransport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The asynchronous client over Spring Boot's transport: its futures complete on the HTTP client's I/O
 * threads, so adapting them to Reactor never blocks an event-loop thread.
 */
@Configuration(proxyBeanMethods = false)
class ElasticsearchAsyncConfiguration {

	@Bean
	ElasticsearchAsyncClient elasticsearchAsyncClient(ElasticsearchTransport transport) {
		return new ElasticsearchAsyncClient(transport);
	}

}
