package io.newshound.search.alert.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.mget.MultiGetOperation;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newshound.events.ArticleIndexedEvent;
import io.newshound.events.EventJson;
import io.newshound.events.Topics;
import io.newshound.search.alert.KafkaClients;
import io.newshound.search.alert.delivery.AlertMatch;
import io.newshound.search.alert.subscription.Alert;

/**
 * Matches every article of {@code news.indexed.v1} against the alerts and writes the matches to the match log,
 * exactly once per (alert, article), or (alert, story) for once-per-story alerts. All instances share one consumer
 * group, so each article is matched by one of them. Per poll, in one Kafka transaction: read the articles as indexed
 * (a multi-get by id, for the tags and language the indexer added), match them ({@link AlertMatching}), claim the
 * matches ({@link MatchClaims}), produce the owned ones to the match log and commit the consumed offsets. A failure
 * aborts the transaction (or, when Kafka is too far away even for that, replaces the producer, which ends it) and the
 * records from the group's committed offsets on are processed again after a backoff, so nothing is lost; the claims
 * make the repeat produce only what the aborted attempt had owned, and make a second announcement of an article
 * (the indexer announces at least once) produce nothing. Runs on a thread of its own.
 */
public final class IndexedArticleConsumer implements Runnable, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(IndexedArticleConsumer.class);

	private static final int SNIPPET_LENGTH = 240;

	private final KafkaClients clients;

	private final String groupId;

	private final String matchesTopic;

	private final AlertMatching matching;

	private final MatchClaims claims;

	private final ElasticsearchAsyncClient elasticsearch;

	private final Clock clock;

	private final Counter matchCounter;

	private final Counter duplicateCounter;

	private final Timer latency;

	private final Timer matchTime;

	private volatile KafkaConsumer<String, byte[]> consumer;

	private volatile boolean closed;

	private volatile boolean assigned;

	public IndexedArticleConsumer(KafkaClients clients, String groupId, String matchesTopic, AlertMatching matching,
			MatchClaims claims, ElasticsearchAsyncClient elasticsearch, Clock clock, MeterRegistry meters) {
		this.clients = clients;
		this.groupId = groupId;
		this.matchesTopic = matchesTopic;
		this.matching = matching;
		this.claims = claims;
		this.elasticsearch = elasticsearch;
		this.clock = clock;
		this.matchCounter = Counter.builder("newshound.alerts.matches")
			.description("Matches written to the match log")
			.register(meters);
		this.duplicateCounter = Counter.builder("newshound.alerts.duplicates")
			.description("Matches not written again: a repeated announcement, or a story already alerted on")
			.register(meters);
		this.latency = Timer.builder("newshound.alerts.match.latency")
			.description("From the article being searchable (indexedAt) to its match being committed to the log")
			.publishPercentileHistogram()
			.register(meters);
		this.matchTime = Timer.builder("newshound.alerts.match.duration")
			.description("Time to match one article against every alert (Lucene Monitor)")
			.publishPercentileHistogram()
			.register(meters);
	}

	/** Whether the consumer has been given partitions (or a rebalance gave it none, having joined the group). */
	public boolean assigned() {
		return this.assigned;
	}

	@Override
	public void run() {
		Map<String, Object> producerConfig = this.clients.producerConfig("newshound-alert-matcher");
		producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "newshound-alert-matcher-" + this.clients.instance());
		Duration backoff = Duration.ZERO;
		KafkaProducer<String, byte[]> producer = null;
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				this.clients.consumerConfig("newshound-alert-matcher", this.groupId))) {
			this.consumer = consumer;
			if (this.closed) {
				return;
			}
			producer = transactionalProducer(producerConfig);
			if (producer == null) {
				return;
			}
			consumer.subscribe(List.of(Topics.INDEXED), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {

				@Override
				public void onPartitionsRevoked(java.util.Collection<TopicPartition> partitions) {
				}

				@Override
				public void onPartitionsAssigned(java.util.Collection<TopicPartition> partitions) {
					// resolve "latest" now and remember it, so that what arrives from here on is read, also after a restart
					KafkaClients.pinPositions(consumer, partitions);
					IndexedArticleConsumer.this.assigned = true;
				}

			});
			while (!this.closed && producer != null) {
				ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
				if (records.isEmpty()) {
					continue;
				}
				try {
					producer.beginTransaction();
					process(records, producer);
					producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
					producer.commitTransaction();
					backoff = Duration.ZERO;
				}
				catch (ProducerFencedException ex) {
					throw ex;
				}
				catch (KafkaException | IllegalStateException ex) {
					backoff = backoff.isZero() ? Duration.ofMillis(200) : min(backoff.multipliedBy(2), Duration.ofSeconds(10));
					logger.warn("Matching {} articles failed, again in {} ms: {}", records.count(), backoff.toMillis(),
							ex.getMessage());
					producer = recover(producer, producerConfig, consumer, records);
					Thread.sleep(backoff.toMillis());
				}
			}
		}
		catch (WakeupException ex) {
			if (!this.closed) {
				throw ex;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			if (producer != null) {
				producer.close(Duration.ofSeconds(5));
			}
		}
	}

	/**
	 * A producer whose transactions are initialised, retried until Kafka answers; {@code null} once closed. With the
	 * transactional id of a producer given up on, {@code initTransactions} also ends that producer's open transaction.
	 */
	private KafkaProducer<String, byte[]> transactionalProducer(Map<String, Object> config) throws InterruptedException {
		Duration backoff = Duration.ofMillis(500);
		while (!this.closed) {
			KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config);
			try {
				producer.initTransactions();
				return producer;
			}
			catch (KafkaException ex) {
				producer.close(Duration.ZERO);
				logger.warn("The matcher cannot start its transactions yet, again in {} ms: {}", backoff.toMillis(),
						ex.getMessage());
				Thread.sleep(backoff.toMillis());
				backoff = min(backoff.multipliedBy(2), Duration.ofSeconds(10));
			}
		}
		return null;
	}

	/**
	 * After a failed transaction: aborts it, and when even the abort fails (Kafka away for longer than
	 * {@code max.block.ms}, found by the fault suite's broker restart: the thread used to end there, and matching
	 * with it) replaces the producer, whose successor ends the transaction. Then moves the consumer back to the
	 * group's committed offsets rather than to the failed records: a commit that timed out here may have completed
	 * on the broker, and matching those records again would deliver their matches twice.
	 * @return the producer to go on with, or {@code null} once closed
	 */
	private KafkaProducer<String, byte[]> recover(KafkaProducer<String, byte[]> producer, Map<String, Object> config,
			KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) throws InterruptedException {
		KafkaProducer<String, byte[]> current = producer;
		try {
			current.abortTransaction();
		}
		catch (KafkaException | IllegalStateException ex) {
			logger.warn("Aborting the matching transaction failed ({}); a new producer ends it", ex.getMessage());
			current.close(Duration.ZERO);
			current = transactionalProducer(config);
		}
		while (!this.closed) {
			try {
				seekToCommitted(consumer, records);
				break;
			}
			catch (KafkaException ex) {
				logger.warn("Reading the matcher's committed offsets failed, again in 1 s: {}", ex.getMessage());
				Thread.sleep(1000);
			}
		}
		return current;
	}

	private static void seekToCommitted(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
		Set<TopicPartition> partitions = new java.util.HashSet<>(records.partitions());
		partitions.retainAll(consumer.assignment());
		if (partitions.isEmpty()) {
			return;
		}
		Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions, Duration.ofSeconds(10));
		for (TopicPartition partition : partitions) {
			OffsetAndMetadata offset = committed.get(partition);
			consumer.seek(partition, (offset != null) ? offset.offset() : records.records(partition).get(0).offset());
		}
	}

	private void process(ConsumerRecords<String, byte[]> records, KafkaProducer<String, byte[]> producer) {
		Map<ConsumerRecord<String, byte[]>, ArticleIndexedEvent> events = new LinkedHashMap<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			try {
				events.put(record, EventJson.read(record.value(), ArticleIndexedEvent.class));
			}
			catch (RuntimeException ex) {
				logger.error("Skipping an unreadable event at {}-{}@{}: {}", record.topic(), record.partition(),
						record.offset(), ex.getMessage());
			}
		}
		if (events.isEmpty() || this.matching.size() == 0) {
			return;
		}
		Map<String, IndexedArticle> indexed = fetch(events.values());
		Instant now = this.clock.instant();
		List<MatchClaims.Candidate> candidates = new ArrayList<>();
		for (Map.Entry<ConsumerRecord<String, byte[]>, ArticleIndexedEvent> entry : events.entrySet()) {
			ArticleIndexedEvent event = entry.getValue();
			MatchableArticle article = article(event, indexed.get(event.articleId()));
			long start = System.nanoTime();
			List<Alert> alerts = this.matching.match(article);
			this.matchTime.record(Duration.ofNanos(System.nanoTime() - start));
			for (Alert alert : alerts) {
				String story = (alert.oncePerStory() && article.storyId() != null) ? article.storyId() : null;
				AlertMatch match = new AlertMatch(MatchClaims.matchId(alert.id(), article.articleId(), story),
						alert.id(), article.articleId(), article.title(), article.url(), article.source(),
						article.publishedAt(), snippet(article), article.storyId(), event.indexedAt(), now);
				candidates.add(new MatchClaims.Candidate(match, entry.getKey().partition(), entry.getKey().offset()));
			}
		}
		List<MatchClaims.Candidate> owned = this.claims.claim(candidates);
		this.duplicateCounter.increment(candidates.size() - owned.size());
		for (MatchClaims.Candidate candidate : owned) {
			AlertMatch match = candidate.match();
			producer.send(new ProducerRecord<>(this.matchesTopic, match.alertId(), EventJson.write(match)));
		}
		producer.flush();
		Instant done = this.clock.instant();
		for (MatchClaims.Candidate candidate : owned) {
			this.matchCounter.increment();
			if (candidate.match().indexedAt() != null) {
				this.latency.record(Duration.between(candidate.match().indexedAt(), done).abs());
			}
		}
	}

	/** The documents as indexed; an article missing there (deleted since) is matched as announced. */
	private Map<String, IndexedArticle> fetch(java.util.Collection<ArticleIndexedEvent> events) {
		List<MultiGetOperation> docs = new ArrayList<>();
		Set<String> seen = new java.util.HashSet<>();
		for (ArticleIndexedEvent event : events) {
			if (seen.add(event.index() + "/" + event.articleId())) {
				docs.add(MultiGetOperation.of((op) -> op.index(event.index())
					.id(event.articleId())
					.source((source) -> source.filter((filter) -> filter.includes(IndexedArticle.FIELDS)))));
			}
		}
		MgetResponse<IndexedArticle> response = MatchClaims
			.await(this.elasticsearch.mget((m) -> m.docs(docs), IndexedArticle.class));
		Map<String, IndexedArticle> found = new HashMap<>();
		for (MultiGetResponseItem<IndexedArticle> item : response.docs()) {
			if (item.isResult() && item.result().found() && item.result().source() != null) {
				found.put(item.result().id(), item.result().source());
			}
			else if (item.isFailure()) {
				throw new IllegalStateException("reading article " + item.failure().id() + " failed: "
						+ item.failure().error().reason());
			}
		}
		return found;
	}

	private static MatchableArticle article(ArticleIndexedEvent event, IndexedArticle indexed) {
		if (indexed != null) {
			return indexed.matchable(event.articleId());
		}
		var article = event.article();
		return new MatchableArticle(event.articleId(), article.url(), article.source(), article.title(),
				article.summary(), article.body(), article.tags(), article.language(), article.storyId(),
				article.publishedAt());
	}

	/** The summary, or the body's start, cut at a word: plain text. */
	static String snippet(MatchableArticle article) {
		String text = (article.summary() != null && !article.summary().isBlank()) ? article.summary() : article.body();
		if (text == null || text.isBlank()) {
			return null;
		}
		String flat = text.strip().replaceAll("\\s+", " ");
		if (flat.length() <= SNIPPET_LENGTH) {
			return flat;
		}
		int cut = flat.lastIndexOf(' ', SNIPPET_LENGTH);
		return flat.substring(0, (cut > SNIPPET_LENGTH / 2) ? cut : SNIPPET_LENGTH) + "…";
	}

	private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
		Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
		for (TopicPartition partition : records.partitions()) {
			List<ConsumerRecord<String, byte[]>> list = records.records(partition);
			offsets.put(partition, new OffsetAndMetadata(list.get(list.size() - 1).offset() + 1));
		}
		return offsets;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) < 0) ? a : b;
	}

	@Override
	public void close() {
		this.closed = true;
		KafkaConsumer<String, byte[]> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
	}

}
