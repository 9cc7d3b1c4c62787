package io.newshound.search.pipeline;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import io.newshound.events.Topics;

/**
 * The indexer's lag: for each partition of {@code news.articles.v1}, its end offset minus the indexer group's
 * committed offset, summed. Read with Kafka's admin client, whose futures are adapted without waiting.
 */
class IndexerLag implements AutoCloseable {

	private final Admin admin;

	private final String group;

	private final Duration timeout;

	IndexerLag(Admin admin, String group, Duration timeout) {
		this.admin = admin;
		this.group = group;
		this.timeout = timeout;
	}

	Mono<Long> lag() {
		Mono<Map<TopicPartition, OffsetAndMetadata>> committed = Mono.fromCompletionStage(
				() -> this.admin.listConsumerGroupOffsets(this.group).partitionsToOffsetAndMetadata().toCompletionStage());
		Mono<Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo>> ends = Mono
			.fromCompletionStage(() -> this.admin.describeTopics(Set.of(Topics.ARTICLES)).allTopicNames().toCompletionStage())
			.map((topics) -> topics.get(Topics.ARTICLES)
				.partitions()
				.stream()
				.collect(Collectors.toMap((p) -> new TopicPartition(Topics.ARTICLES, p.partition()), (p) -> OffsetSpec.latest())))
			.flatMap((latest) -> Mono.fromCompletionStage(() -> this.admin.listOffsets(latest).all().toCompletionStage()));
		return Mono.zip(committed, ends).map((both) -> {
			long lag = 0;
			for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : both.getT2().entrySet()) {
				OffsetAndMetadata done = both.getT1().get(end.getKey());
				lag += end.getValue().offset() - ((done != null) ? done.offset() : 0);
			}
			return lag;
		}).timeout(this.timeout).publishOn(Schedulers.parallel());
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
