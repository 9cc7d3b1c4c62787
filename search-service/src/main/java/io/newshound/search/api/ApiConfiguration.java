package io.newshound.search.api;

import java.time.Clock;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.micrometer.core.instrument.MeterRegistry;

import io.newshound.search.SearchProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.codec.ServerCodecConfigurer;

@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

	/** The time of relative dates, recency and cursor expiry; a test may register a fixed one first. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	CursorCodec cursorCodec(SearchProperties properties, Clock clock) {
		return new CursorCodec(properties.cursor().secret(), clock);
	}

	@Bean
	ElasticsearchCalls elasticsearchCalls(ElasticsearchAsyncClient client, MeterRegistry meters,
			SearchProperties properties) {
		return new ElasticsearchCalls(client, meters, properties.timeout());
	}

	@Bean
	SearchQueryParser searchQueryParser(SearchProperties properties, CursorCodec cursors, Clock clock) {
		return new SearchQueryParser(properties, cursors, clock);
	}

	@Bean
	ArticleSearch articleSearch(ElasticsearchCalls elasticsearch, SearchProperties properties, CursorCodec cursors,
			Clock clock) {
		return new ArticleSearch(elasticsearch, properties, cursors, clock);
	}

	@Bean
	ArticleLookup articleLookup(ElasticsearchCalls elasticsearch, SearchProperties properties) {
		return new ArticleLookup(elasticsearch, properties);
	}

	@Bean
	ProblemResponses problemResponses(SearchProperties properties) {
		return new ProblemResponses(properties);
	}

	@Bean
	ProblemErrorHandler problemErrorHandler(ProblemResponses problems, ServerCodecConfigurer codecs) {
		return new ProblemErrorHandler(problems, codecs);
	}

}
