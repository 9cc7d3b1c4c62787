package io.newshound.search.api;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;

import io.newshound.search.SearchProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	@Bean
	SearchQueryParser searchQueryParser(SearchProperties properties) {
		return new SearchQueryParser(properties);
	}

	@Bean
	ArticleSearch articleSearch(ElasticsearchAsyncClient client, SearchProperties properties) {
		return new ArticleSearch(client, properties);
	}

}
