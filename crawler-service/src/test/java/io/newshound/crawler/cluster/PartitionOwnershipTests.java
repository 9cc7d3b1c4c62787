package io.newshound.crawler.cluster;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.newshound.crawler.fetch.HostOwnership;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class PartitionOwnershipTests {

	private static final HostPartitioner PARTITIONER = new HostPartitioner(12);

	private final PartitionOwnership ownership = new PartitionOwnership();

	/** A frontier record keyed by its host lands, by Kafka's own partitioner, on the host's partition. */
	@Test
	void aHostsPartitionIsWhereKafkaPutsARecordKeyedByTheHost() {
		for (String host : List.of("openai.com", "www.theverge.com", "127.0.0.2", "rss.arxiv.org")) {
			byte[] key = HostPartitioner.key(host).getBytes(StandardCharsets.UTF_8);
			assertThat(PARTITIONER.partitionOf(host)).isEqualTo(BuiltInPartitioner.partitionForKey(key, 12));
		}
		assertThat(PARTITIONER.partitionOf("OpenAI.com")).isEqualTo(PARTITIONER.partitionOf("openai.com"));
	}

	/** Nothing is owned before Kafka assigned partitions; then exactly the hosts of the active partitions. */
	@Test
	void ownsTheHostsOfActivePartitionsOnly() {
		assertThat(this.ownership.owns("openai.com")).isFalse();
		this.ownership.partitioner(PARTITIONER);
		assertThat(this.ownership.owns("openai.com")).isFalse();
		assertThat(this.ownership.begin("openai.com")).isNull();

		int partition = PARTITIONER.partitionOf("openai.com");
		AtomicInteger changes = new AtomicInteger();
		this.ownership.onChange(changes::incrementAndGet);
		this.ownership.activate(List.of(partition));
		assertThat(this.ownership.owns("openai.com")).isTrue();
		assertThat(this.ownership.owns(otherHost(partition))).isFalse();
		assertThat(this.ownership.active()).containsExactly(partition);
		assertThat(changes).hasValue(1);
	}

	/**
	 * Taking a partition away stops new work on its hosts at once, and returns only when the work in
	 * progress there has ended: this is what keeps two instances off one host.
	 */
	@Test
	void deactivationWaitsForTheWorkInProgressAndRefusesNewWork() throws Exception {
		this.ownership.partitioner(PARTITIONER);
		int partition = PARTITIONER.partitionOf("openai.com");
		this.ownership.activate(List.of(partition));
		HostOwnership.Work request = this.ownership.begin("openai.com");
		assertThat(request).isNotNull();

		CompletableFuture<Boolean> handover = CompletableFuture.supplyAsync(() -> {
			try {
				return this.ownership.deactivate(List.of(partition), Duration.ofSeconds(30));
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.ownership.owns("openai.com"));
		assertThat(this.ownership.begin("openai.com")).isNull();
		assertThat(handover).isNotDone();
		assertThat(this.ownership.inProgress(partition)).isEqualTo(1);

		request.close();
		assertThat(handover.get()).isTrue();
		assertThat(this.ownership.inProgress(partition)).isZero();
	}

	/** A handover does not wait longer than it is allowed to. */
	@Test
	void deactivationGivesUpAfterItsTimeout() throws Exception {
		this.ownership.partitioner(PARTITIONER);
		int partition = PARTITIONER.partitionOf("openai.com");
		this.ownership.activate(List.of(partition));
		try (HostOwnership.Work request = this.ownership.begin("openai.com")) {
			assertThat(this.ownership.deactivate(List.of(partition), Duration.ofMillis(100))).isFalse();
		}
	}

	private static String otherHost(int partition) {
		for (int i = 0;; i++) {
			String host = "host" + i + ".example";
			if (PARTITIONER.partitionOf(host) != partition) {
				return host;
			}
		}
	}

}
