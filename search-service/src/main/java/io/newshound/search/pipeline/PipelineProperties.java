package io.newshound.search.pipeline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where {@code GET /api/pipeline} reads the state of the rest of the pipeline, under {@code newshound.search.pipeline};
 * defaults in parentheses.
 *
 * @param crawlerUrl base URL of the crawler service, whose {@code /api/sources} gives each source's health
 * ({@code http://127.0.0.1:8081}, where {@code ./newshound up} starts it)
 * @param timeout longest wait for the crawler, Elasticsearch or Kafka before that part is reported unavailable (3s)
 * @param indexerGroup the indexer's Kafka consumer group, whose lag on {@code news.articles.v1} is reported
 * ({@code newshound-indexer})
 */
@ConfigurationProperties("newshound.search.pipeline")
public record PipelineProperties(@DefaultValue("http://127.0.0.1:8081") String crawlerUrl,
		@DefaultValue("3s") Duration timeout, @DefaultValue("newshound-indexer") String indexerGroup) {
}
