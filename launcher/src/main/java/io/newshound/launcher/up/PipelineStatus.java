package io.newshound.launcher.up;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.newshound.events.Topics;

/**
 * Reads the figures of the status line from where they live: articles published by the crawler from
 * its metrics, articles searchable from Elasticsearch, and the indexer's lag from Kafka's offsets.
 * A figure that cannot be read right now shows as "?" rather than stopping the line.
 */
final class PipelineStatus implements AutoCloseable {

	static final String INDEXER_GROUP = "newshound-indexer";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String crawlerUrl;

	private final String elasticsearchUrl;

	private final Admin admin;

	PipelineStatus(String crawlerUrl, String elasticsearchUrl, String kafkaBootstrap) {
		this.crawlerUrl = crawlerUrl;
		this.elasticsearchUrl = elasticsearchUrl;
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
		properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
		properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
		this.admin = Admin.create(properties);
	}

	String crawled() {
		JsonNode metric = getJson(this.crawlerUrl + "/actuator/metrics/newshound.crawler.articles.published");
		return (metric != null) ? Long.toString((long) metric.path("measurements").path(0).path("value").asDouble())
				: "0";
	}

	String searchable() {
		JsonNode count = getJson(this.elasticsearchUrl + "/news-articles/_count");
		return (count != null) ? count.path("count").asString() : "0";
	}

	String lag() {
		try {
			Map<TopicPartition, OffsetAndMetadata> committed = this.admin.listConsumerGroupOffsets(INDEXER_GROUP)
				.partitionsToOffsetAndMetadata()
				.get(3, TimeUnit.SECONDS);
			Set<TopicPartition> partitions = this.admin.describeTopics(Set.of(Topics.ARTICLES))
				.allTopicNames()
				.get(3, TimeUnit.SECONDS)
				.get(Topics.ARTICLES)
				.partitions()
				.stream()
				.map((p) -> new TopicPartition(Topics.ARTICLES, p.partition()))
				.collect(Collectors.toSet());
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = this.admin
				.listOffsets(partitions.stream().collect(Collectors.toMap((p) -> p, (p) -> OffsetSpec.latest())))
				.all()
				.get(3, TimeUnit.SECONDS);
			long lag = 0;
			for (TopicPartition partition : partitions) {
				OffsetAndMetadata done = committed.get(partition);
				lag += ends.get(partition).offset() - ((done != null) ? done.offset() : 0);
			}
			return Long.toString(lag);
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			return "?";
		}
	}

	private JsonNode getJson(String url) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? JSON.readTree(response.body()) : null;
		}
		catch (IOException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
