package io.newshound.crawler.state;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.SmartLifecycle;

/**
 * {@link CrawlState} in a compacted Kafka topic that every crawler instance reads whole: each instance
 * keeps the full state in memory, restored from the topic when it starts and then followed, so the
 * state survives restarts and whoever takes over a host sees what the previous owner recorded. Each
 * record is written by the instance that owns the host it is about (see
 * {@code io.newshound.crawler.cluster}) and applied to its own memory at once; a record comes back
 * to its writer through the topic too, and is skipped there (a header names the writing instance,
 * a random id per start, so a restarted instance applies everything its previous run wrote).
 *
 * <p>Article records wait for the broker's acknowledgement, as the file journal forces them to disk;
 * URL records (validators) are sent in the background. {@link #flush()} waits for everything sent.
 * A write the broker does not take is logged and kept in memory: that instance does not publish the
 * article again, another one (or this one after a restart) might. Reading starts in the background
 * with {@link #start()} and retries until the topic exists, so a broker that is away holds nothing
 * up; {@link #caughtUpTo(Map)} says whether everything up to given offsets has been applied.
 *
 * <p>When the topic is empty and the directory given holds the journal of a crawler that worked alone
 * ({@link FileCrawlState}), that state is copied into the topic before the state counts as restored,
 * so that moving to shared work publishes nothing again.
 */
public final class KafkaCrawlState implements CrawlState, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(KafkaCrawlState.class);

	/** Header naming the instance that wrote a record. */
	static final String WRITER_HEADER = "newshound-writer";

	private final Map<String, Object> consumerConfig;

	private final Supplier<Producer<String, String>> producer;

	private final String topic;

	private final String instanceId;

	private final Duration writeTimeout;

	private final Path importFrom;

	private final Map<String, PublishedArticle> articles = new ConcurrentHashMap<>();

	private final Map<String, FetchedUrl> urls = new ConcurrentHashMap<>();

	private final List<Consumer<PublishedArticle>> listeners = new CopyOnWriteArrayList<>();

	/** Next offset to read per partition of the topic, once known. */
	private final Map<Integer, Long> positions = new ConcurrentHashMap<>();

	private volatile boolean restored;

	/** Whether anything was sent, so that there is something to flush. */
	private volatile boolean written;

	private volatile boolean running;

	private volatile Thread reader;

	private volatile KafkaConsumer<String, String> consumer;

	/**
	 * @param consumerConfig the Kafka consumer settings to read with (no group: every partition is read)
	 * @param producer the producer to write with (values are JSON strings), asked for at each write so
	 * that it can be made on first use
	 * @param topic the compacted state topic
	 * @param instanceId this instance's id for this run
	 * @param writeTimeout longest wait for the acknowledgement of an article record
	 * @param importFrom a crawl state directory to copy into an empty topic, or {@code null}
	 */
	public KafkaCrawlState(Map<String, Object> consumerConfig, Supplier<Producer<String, String>> producer, String topic,
			String instanceId, Duration writeTimeout, Path importFrom) {
		this.consumerConfig = Map.copyOf(consumerConfig);
		this.producer = producer;
		this.topic = topic;
		this.instanceId = instanceId;
		this.writeTimeout = writeTimeout;
		this.importFrom = importFrom;
	}

	@Override
	public PublishedArticle published(String articleId) {
		return this.articles.get(articleId);
	}

	@Override
	public void markPublished(PublishedArticle article) {
		this.articles.put(article.articleId(), article);
		try {
			send(StateRecords.key(article), StateRecords.toJson(article)).get(this.writeTimeout.toMillis(),
					TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			log.warn("Crawl state: interrupted while recording article {} in {}", article.articleId(), this.topic);
		}
		catch (ExecutionException | java.util.concurrent.TimeoutException | KafkaException ex) {
			log.warn("Crawl state: article {} ({}) not recorded in {}: {}; another instance, or this one after a "
					+ "restart, may publish it again", article.articleId(), article.url(), this.topic,
					(ex instanceof ExecutionException) ? ex.getCause() : ex);
		}
	}

	@Override
	public List<PublishedArticle> publishedArticles() {
		return this.articles.values().stream().sorted(Comparator.comparing(PublishedArticle::updatedAt)).toList();
	}

	@Override
	public FetchedUrl fetched(String url) {
		return this.urls.get(url);
	}

	@Override
	public void markFetched(FetchedUrl url) {
		this.urls.put(url.url(), url);
		try {
			send(StateRecords.key(url), StateRecords.toJson(url));
		}
		catch (KafkaException ex) {
			log.debug("Crawl state: URL {} not recorded in {}: {}", url.url(), this.topic, ex.toString());
		}
	}

	@Override
	public void onArticleRecorded(Consumer<PublishedArticle> listener) {
		this.listeners.add(listener);
	}

	@Override
	public void flush() {
		if (!this.written) {
			return;
		}
		try {
			this.producer.get().flush();
		}
		catch (KafkaException ex) {
			log.warn("Crawl state: flushing {} failed: {}", this.topic, ex.toString());
		}
	}

	private java.util.concurrent.Future<?> send(String key, ObjectNode value) {
		ProducerRecord<String, String> record = new ProducerRecord<>(this.topic, key,
				StateRecords.JSON.writeValueAsString(value));
		record.headers().add(WRITER_HEADER, this.instanceId.getBytes(StandardCharsets.UTF_8));
		this.written = true;
		return this.producer.get().send(record, (metadata, failure) -> {
			if (failure != null) {
				log.debug("Crawl state: record {} not written to {}: {}", key, this.topic, failure.toString());
			}
		});
	}

	/** Whether the state as read from the topic has reached the topic's end once since the start. */
	public boolean isRestored() {
		return this.restored;
	}

	/**
	 * Whether every record below the given offsets has been applied.
	 * @param endOffsets next offset to reach per partition number of the topic
	 */
	public boolean caughtUpTo(Map<Integer, Long> endOffsets) {
		if (!this.restored) {
			return false;
		}
		for (Map.Entry<Integer, Long> end : endOffsets.entrySet()) {
			if (this.positions.getOrDefault(end.getKey(), -1L) < end.getValue()) {
				return false;
			}
		}
		return true;
	}

	private boolean reached(Map<Integer, Long> endOffsets) {
		for (Map.Entry<Integer, Long> end : endOffsets.entrySet()) {
			if (this.positions.getOrDefault(end.getKey(), -1L) < end.getValue()) {
				return false;
			}
		}
		return true;
	}

	/** Copies the journal of {@link #importFrom} into the (empty) topic, if there is one. */
	private void importJournal() {
		if (this.importFrom == null || !FileCrawlState.exists(this.importFrom)) {
			return;
		}
		try (FileCrawlState journal = FileCrawlState.open(this.importFrom)) {
			for (FetchedUrl url : journal.fetchedUrls()) {
				markFetched(url);
			}
			for (PublishedArticle article : journal.publishedArticles()) {
				this.articles.put(article.articleId(), article);
				send(StateRecords.key(article), StateRecords.toJson(article));
				for (Consumer<PublishedArticle> listener : this.listeners) {
					listener.accept(article);
				}
			}
			flush();
			log.info("Crawl state: copied {} published articles and {} URLs from {} into {}",
					journal.publishedArticles().size(), journal.fetchedUrls().size(), this.importFrom, this.topic);
		}
		catch (CrawlStateException ex) {
			log.warn("Crawl state: could not copy {} into {}: {}", this.importFrom, this.topic, ex.getMessage());
		}
	}

	/** Number of articles and URLs held. */
	public int size() {
		return this.articles.size() + this.urls.size();
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		Thread thread = new Thread(this::read, "crawl-state-reader");
		thread.setDaemon(true);
		this.reader = thread;
		thread.start();
	}

	private void read() {
		Map<String, Object> config = new java.util.HashMap<>(this.consumerConfig);
		config.remove("group.id");
		config.put("enable.auto.commit", false);
		config.put("auto.offset.reset", "earliest");
		try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			this.consumer = kafka;
			if (!this.running) {
				return;
			}
			List<TopicPartition> partitions = awaitPartitions(kafka);
			kafka.assign(partitions);
			kafka.seekToBeginning(partitions);
			Map<Integer, Long> target = null;
			while (this.running) {
				if (target == null) {
					target = endOffsets(kafka, partitions);
				}
				for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(200))) {
					apply(record);
				}
				for (TopicPartition partition : partitions) {
					this.positions.put(partition.partition(), kafka.position(partition, Duration.ofSeconds(5)));
				}
				if (!this.restored && target != null && reached(target)) {
					if (target.values().stream().allMatch((end) -> end == 0)) {
						importJournal();
					}
					this.restored = true;
					log.info("Crawl state restored from topic {}: {} published articles, {} URLs", this.topic,
							this.articles.size(), this.urls.size());
				}
			}
		}
		catch (WakeupException | InterruptedException ex) {
			// stopping
		}
		catch (RuntimeException ex) {
			if (this.running) {
				log.error("Crawl state reader of {} stopped", this.topic, ex);
			}
		}
		finally {
			this.consumer = null;
		}
	}

	private List<TopicPartition> awaitPartitions(KafkaConsumer<String, String> kafka) throws InterruptedException {
		long backoff = 500;
		while (this.running) {
			try {
				List<PartitionInfo> infos = kafka.partitionsFor(this.topic, Duration.ofSeconds(10));
				if (infos != null && !infos.isEmpty()) {
					return infos.stream().map((info) -> new TopicPartition(this.topic, info.partition())).toList();
				}
			}
			catch (org.apache.kafka.common.errors.TimeoutException ex) {
				// broker away: try again
			}
			pause(backoff);
			backoff = Math.min(backoff * 2, 10_000);
		}
		throw new WakeupException();
	}

	/** Waits {@code millis}, or less when stopped. */
	private synchronized void pause(long millis) throws InterruptedException {
		if (this.running) {
			wait(millis);
		}
	}

	private static Map<Integer, Long> endOffsets(KafkaConsumer<String, String> kafka, List<TopicPartition> partitions) {
		try {
			Map<Integer, Long> ends = new java.util.HashMap<>();
			kafka.endOffsets(partitions, Duration.ofSeconds(10)).forEach((tp, end) -> ends.put(tp.partition(), end));
			return ends;
		}
		catch (org.apache.kafka.common.errors.TimeoutException ex) {
			return null;
		}
	}

	private void apply(ConsumerRecord<String, String> record) {
		Header writer = record.headers().lastHeader(WRITER_HEADER);
		if (writer != null && this.instanceId.equals(new String(writer.value(), StandardCharsets.UTF_8))) {
			return;
		}
		if (record.value() == null) {
			String key = String.valueOf(record.key());
			if (key.startsWith("article:")) {
				this.articles.remove(key.substring("article:".length()));
			}
			else if (key.startsWith("url:")) {
				this.urls.remove(key.substring("url:".length()));
			}
			return;
		}
		Object value;
		try {
			value = StateRecords.fromJson(StateRecords.JSON.readTree(record.value()));
		}
		catch (RuntimeException ex) {
			log.warn("Crawl state: skipped unreadable record {} at {}-{}@{}", record.key(), record.topic(),
					record.partition(), record.offset());
			return;
		}
		if (value instanceof PublishedArticle article) {
			this.articles.put(article.articleId(), article);
			for (Consumer<PublishedArticle> listener : this.listeners) {
				listener.accept(article);
			}
		}
		else if (value instanceof FetchedUrl url) {
			this.urls.put(url.url(), url);
		}
	}

	@Override
	public synchronized void stop() {
		if (!this.running) {
			return;
		}
		this.running = false;
		KafkaConsumer<String, String> kafka = this.consumer;
		if (kafka != null) {
			kafka.wakeup();
		}
		notifyAll();
		Thread thread = this.reader;
		if (thread != null) {
			try {
				thread.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.reader = null;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Starts before the crawl (which reads and writes it) and stops after it. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2;
	}

	/** Stops reading; the producer, shared with others, is closed by its owner. */
	@Override
	public void close() {
		flush();
		stop();
	}

}
