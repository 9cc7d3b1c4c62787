package io.newshound.crawler.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.newshound.crawler.state.KafkaCrawlState;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * This instance's membership in the crawler group: a Kafka consumer in group {@code newshound-crawler}
 * subscribed to the frontier topic. Kafka's group protocol (cooperative sticky assignment) decides
 * which frontier partitions, and so which hosts ({@link HostPartitioner}), each instance owns; there
 * is no other coordinator. The same consumer reads the article links that other instances hand to
 * this one ({@link KafkaLinkForwarder}) and runs them on the crawl workers, committing a record's
 * offset only once its link is done with (at least once; the crawl state makes a repeat harmless).
 *
 * <p>The handover of a partition, which is what keeps one host from having requests from two
 * instances in flight at once:
 * <ol>
 * <li>Kafka revokes it from the old owner, which ({@code onPartitionsRevoked}, before the rebalance
 * can complete) deactivates it in {@link PartitionOwnership} so that no new request, publish or state
 * record starts on its hosts, waits until those in progress have ended (bounded by the handover
 * timeout, longer than any request or publish may take), commits the links it finished, and flushes
 * the crawl state it wrote;</li>
 * <li>Kafka then assigns it to the new owner, which pauses it, notes the end offsets of the crawl
 * state topic at that moment, and activates it only once its copy of the state has read that far and
 * the politeness delay has passed: it starts with everything the old owner recorded.</li>
 * </ol>
 * Partitions that are lost rather than revoked (this instance's session expired: a long pause, or no
 * contact with the broker) are deactivated at once without waiting; the overlap that allows is the
 * known limit of any lease that the leaseholder cannot be fenced from.
 */
public final class CrawlMembership implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CrawlMembership.class);

	/** Outstanding links per partition above which it is paused, and below which it resumes. */
	private static final int PAUSE_ABOVE = 400;

	private static final int RESUME_BELOW = 100;

	private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(1);

	/** Processes one handed-over link; {@code false} when it must be left to a new owner. */
	@FunctionalInterface
	public interface FrontierHandler {

		boolean handle(FrontierItem item);

	}

	/**
	 * @param consumerConfig base consumer settings (bootstrap servers, security)
	 * @param group the consumer group of the crawler instances
	 * @param instanceId this instance's id for this run
	 * @param handoverTimeout longest wait for work in progress on a revoked partition
	 * @param activationDelay least time between getting a partition and the first request to its hosts
	 */
	public record Settings(Map<String, Object> consumerConfig, String group, String frontierTopic, String stateTopic,
			String instanceId, Duration handoverTimeout, Duration activationDelay, boolean autoStartup) {
	}

	private final Settings settings;

	private final PartitionOwnership ownership;

	private final KafkaCrawlState state;

	private final FrontierHandler handler;

	private final Executor executor;

	private final OffsetTracker offsets = new OffsetTracker();

	/** Partitions assigned and waiting for the state to catch up. Membership thread only. */
	private final Map<Integer, Pending> pending = new TreeMap<>();

	/** Partitions paused because too many of their links are outstanding. Membership thread only. */
	private final Set<TopicPartition> throttled = new HashSet<>();

	private volatile boolean running;

	private volatile Thread thread;

	private volatile KafkaConsumer<String, String> consumer;

	private List<TopicPartition> statePartitions = List.of();

	private long lastCommit;

	public CrawlMembership(Settings settings, PartitionOwnership ownership, KafkaCrawlState state,
			FrontierHandler handler, Executor executor) {
		this.settings = settings;
		this.ownership = ownership;
		this.state = state;
		this.handler = handler;
		this.executor = executor;
	}

	private record Pending(Map<Integer, Long> stateEnds, long notBeforeNanos) {
	}

	@Override
	public synchronized void start() {
		if (this.running) {
			return;
		}
		this.running = true;
		Thread membership = new Thread(this::run, "crawl-membership");
		membership.setDaemon(true);
		this.thread = membership;
		membership.start();
	}

	private void run() {
		long backoff = 1000;
		while (this.running) {
			try {
				session();
				backoff = 1000;
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				if (!this.running) {
					return;
				}
				log.error("Crawler group membership failed; joining again in {} ms", backoff, ex);
				try {
					pause(backoff);
				}
				catch (InterruptedException interrupted) {
					return;
				}
				backoff = Math.min(backoff * 2, 60_000);
			}
		}
	}

	/** One consumer's life: join, crawl what is assigned, leave (handing everything over). */
	private void session() throws InterruptedException {
		Map<String, Object> config = new HashMap<>(this.settings.consumerConfig());
		config.put("group.id", this.settings.group());
		config.put("client.id", "newshound-crawler-" + this.settings.instanceId() + "-membership");
		config.put("enable.auto.commit", false);
		config.put("auto.offset.reset", "earliest");
		config.put("partition.assignment.strategy", CooperativeStickyAssignor.class.getName());
		config.put("max.poll.records", 100);
		// members learn of a rebalance at their next heartbeat: a handover then takes about a second
		config.putIfAbsent("heartbeat.interval.ms", 1000);
		KafkaConsumer<String, String> kafka = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer());
		this.consumer = kafka;
		try {
			int partitions = awaitPartitions(kafka, this.settings.frontierTopic()).size();
			this.ownership.partitioner(new HostPartitioner(partitions));
			this.statePartitions = awaitPartitions(kafka, this.settings.stateTopic());
			kafka.subscribe(List.of(this.settings.frontierTopic()), new Rebalance(kafka));
			log.info("Instance {} joining crawler group {} on {} ({} partitions)", this.settings.instanceId(),
					this.settings.group(), this.settings.frontierTopic(), partitions);
			while (this.running) {
				for (ConsumerRecord<String, String> record : kafka.poll(Duration.ofMillis(200))) {
					dispatch(record);
				}
				activateCaughtUp(kafka);
				throttle(kafka);
				commit(kafka);
			}
		}
		catch (WakeupException ex) {
			// stopping
		}
		finally {
			this.consumer = null;
			try {
				// leaves the group: the listener hands every partition over first
				kafka.close(CloseOptions.timeout(this.settings.handoverTimeout().plusSeconds(10)));
			}
			catch (RuntimeException ex) {
				log.warn("Closing the crawler group consumer: {}", ex.toString());
			}
			this.ownership.deactivate(this.ownership.active(), Duration.ZERO);
			this.pending.clear();
			this.throttled.clear();
		}
	}

	private List<TopicPartition> awaitPartitions(KafkaConsumer<String, String> kafka, String topic)
			throws InterruptedException {
		long backoff = 500;
		while (this.running) {
			try {
				List<PartitionInfo> infos = kafka.partitionsFor(topic, Duration.ofSeconds(10));
				if (infos != null && !infos.isEmpty()) {
					return infos.stream().map((info) -> new TopicPartition(topic, info.partition())).toList();
				}
			}
			catch (org.apache.kafka.common.errors.TimeoutException ex) {
				// broker away, or the topic not created yet: try again
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

	private void dispatch(ConsumerRecord<String, String> record) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		long offset = record.offset();
		this.offsets.track(partition, offset);
		FrontierItem item;
		try {
			item = FrontierItem.fromJson(record.value());
		}
		catch (RuntimeException ex) {
			log.warn("Skipped an unreadable frontier record at {}@{}", partition, offset);
			this.offsets.done(partition, offset);
			return;
		}
		try {
			this.executor.execute(() -> {
				boolean done;
				try {
					done = this.ownership.ownsPartition(record.partition()) && this.handler.handle(item);
				}
				catch (RuntimeException ex) {
					log.error("Handed-over link {} failed unexpectedly", item.link().url(), ex);
					done = true;
				}
				if (done) {
					this.offsets.done(partition, offset);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// the crawl is stopping: left uncommitted, for the next owner
		}
	}

	private void activateCaughtUp(KafkaConsumer<String, String> kafka) {
		if (this.pending.isEmpty()) {
			return;
		}
		long now = System.nanoTime();
		List<Integer> ready = new ArrayList<>();
		for (Map.Entry<Integer, Pending> entry : this.pending.entrySet()) {
			Pending waiting = entry.getValue();
			if (waiting.stateEnds() == null) {
				entry.setValue(new Pending(stateEnds(kafka), waiting.notBeforeNanos()));
				continue;
			}
			if (now - waiting.notBeforeNanos() >= 0 && this.state.caughtUpTo(waiting.stateEnds())) {
				ready.add(entry.getKey());
			}
		}
		if (ready.isEmpty()) {
			return;
		}
		ready.forEach(this.pending::remove);
		this.ownership.activate(ready);
		kafka.resume(topicPartitions(ready));
		log.info("Instance {} crawling the hosts of frontier partitions {} (owned here: {})", this.settings.instanceId(),
				ready, this.ownership.active());
	}

	private void throttle(KafkaConsumer<String, String> kafka) {
		for (TopicPartition partition : kafka.assignment()) {
			if (this.pending.containsKey(partition.partition())) {
				continue;
			}
			int outstanding = this.offsets.outstanding(partition);
			if (outstanding > PAUSE_ABOVE && this.throttled.add(partition)) {
				kafka.pause(List.of(partition));
			}
			else if (outstanding < RESUME_BELOW && this.throttled.remove(partition)) {
				kafka.resume(List.of(partition));
			}
		}
	}

	private void commit(KafkaConsumer<String, String> kafka) {
		long now = System.nanoTime();
		if (now - this.lastCommit < COMMIT_INTERVAL.toNanos()) {
			return;
		}
		this.lastCommit = now;
		Map<TopicPartition, OffsetAndMetadata> done = this.offsets.committable(kafka.assignment());
		if (!done.isEmpty()) {
			kafka.commitAsync(done, (offsets, failure) -> {
				if (failure != null) {
					log.debug("Committing frontier offsets {} failed: {}", offsets, failure.toString());
				}
			});
		}
	}

	private Map<Integer, Long> stateEnds(KafkaConsumer<String, String> kafka) {
		try {
			Map<Integer, Long> ends = new HashMap<>();
			kafka.endOffsets(this.statePartitions, Duration.ofSeconds(5))
				.forEach((partition, end) -> ends.put(partition.partition(), end));
			return ends;
		}
		catch (KafkaException ex) {
			return null;
		}
	}

	private List<TopicPartition> topicPartitions(Collection<Integer> partitions) {
		return partitions.stream().map((p) -> new TopicPartition(this.settings.frontierTopic(), p)).toList();
	}

	private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
		Set<Integer> numbers = new TreeSet<>();
		partitions.forEach((partition) -> numbers.add(partition.partition()));
		return numbers;
	}

	/** Runs on the membership thread, inside {@code poll} and {@code close}. */
	private final class Rebalance implements ConsumerRebalanceListener {

		private final KafkaConsumer<String, String> kafka;

		Rebalance(KafkaConsumer<String, String> kafka) {
			this.kafka = kafka;
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			if (partitions.isEmpty()) {
				return;
			}
			Set<Integer> numbers = numbers(partitions);
			numbers.forEach(CrawlMembership.this.pending::remove);
			boolean drained;
			try {
				drained = CrawlMembership.this.ownership.deactivate(numbers,
						CrawlMembership.this.settings.handoverTimeout());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				drained = false;
			}
			if (!drained) {
				log.warn("Work on frontier partitions {} still running after {}; handing them over anyway", numbers,
						CrawlMembership.this.settings.handoverTimeout());
			}
			Map<TopicPartition, OffsetAndMetadata> done = CrawlMembership.this.offsets.committable(partitions);
			if (!done.isEmpty()) {
				try {
					this.kafka.commitSync(done, Duration.ofSeconds(10));
				}
				catch (KafkaException ex) {
					log.warn("Committing frontier offsets {} failed: {}; their links will be processed again", done,
							ex.toString());
				}
			}
			CrawlMembership.this.offsets.forget(partitions);
			CrawlMembership.this.throttled.removeAll(partitions);
			CrawlMembership.this.state.flush();
			log.info("Instance {} handed over frontier partitions {} (owned here: {})",
					CrawlMembership.this.settings.instanceId(), numbers, CrawlMembership.this.ownership.active());
		}

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			if (partitions.isEmpty()) {
				return;
			}
			this.kafka.pause(partitions);
			Map<Integer, Long> ends = stateEnds(this.kafka);
			long notBefore = System.nanoTime() + CrawlMembership.this.settings.activationDelay().toNanos();
			Set<Integer> numbers = numbers(partitions);
			for (Integer partition : numbers) {
				CrawlMembership.this.pending.put(partition, new Pending(ends, notBefore));
			}
			log.info("Instance {} assigned frontier partitions {}; crawling their hosts once the crawl state has "
					+ "caught up", CrawlMembership.this.settings.instanceId(), numbers);
		}

		@Override
		public void onPartitionsLost(Collection<TopicPartition> partitions) {
			if (partitions.isEmpty()) {
				return;
			}
			Set<Integer> numbers = numbers(partitions);
			numbers.forEach(CrawlMembership.this.pending::remove);
			try {
				CrawlMembership.this.ownership.deactivate(numbers, Duration.ZERO);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			CrawlMembership.this.offsets.forget(partitions);
			CrawlMembership.this.throttled.removeAll(partitions);
			log.warn("Lost frontier partitions {} (this instance's group session expired); another instance owns "
					+ "their hosts now", numbers);
		}

	}

	@Override
	public void stop() {
		Thread membership;
		synchronized (this) {
			if (!this.running) {
				return;
			}
			this.running = false;
			membership = this.thread;
			this.thread = null;
			notifyAll();
		}
		KafkaConsumer<String, String> kafka = this.consumer;
		if (kafka != null) {
			kafka.wakeup();
		}
		if (membership != null) {
			try {
				membership.join(this.settings.handoverTimeout().plusSeconds(15).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public boolean isAutoStartup() {
		return this.settings.autoStartup();
	}

	/** Starts after, and stops before, the state it reads and the scheduler it hands work to. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}

	/**
	 * Offsets of the frontier records dispatched and not yet committed, per partition: the next offset
	 * to commit is the one after the last of an unbroken run of finished records. Thread-safe.
	 */
	static final class OffsetTracker {

		private final Map<TopicPartition, TreeMap<Long, Boolean>> outstanding = new HashMap<>();

		synchronized void track(TopicPartition partition, long offset) {
			this.outstanding.computeIfAbsent(partition, (key) -> new TreeMap<>()).put(offset, false);
		}

		synchronized void done(TopicPartition partition, long offset) {
			TreeMap<Long, Boolean> offsets = this.outstanding.get(partition);
			if (offsets != null && offsets.containsKey(offset)) {
				offsets.put(offset, true);
			}
		}

		synchronized int outstanding(TopicPartition partition) {
			TreeMap<Long, Boolean> offsets = this.outstanding.get(partition);
			return (offsets != null) ? offsets.size() : 0;
		}

		/** Removes the finished runs of {@code partitions} and returns the offsets to commit for them. */
		synchronized Map<TopicPartition, OffsetAndMetadata> committable(Collection<TopicPartition> partitions) {
			Map<TopicPartition, OffsetAndMetadata> result = new HashMap<>();
			for (TopicPartition partition : partitions) {
				TreeMap<Long, Boolean> offsets = this.outstanding.get(partition);
				long next = -1;
				while (offsets != null && !offsets.isEmpty() && offsets.firstEntry().getValue()) {
					next = offsets.pollFirstEntry().getKey() + 1;
				}
				if (next >= 0) {
					result.put(partition, new OffsetAndMetadata(next));
				}
			}
			return result;
		}

		synchronized void forget(Collection<TopicPartition> partitions) {
			partitions.forEach(this.outstanding::remove);
		}

	}

}
