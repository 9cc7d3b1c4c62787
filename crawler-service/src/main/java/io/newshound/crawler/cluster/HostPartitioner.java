package io.newshound.crawler.cluster;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.kafka.common.utils.Utils;

/**
 * The partition a host belongs to: murmur2 of the lower-case host name, as Kafka's own partitioner
 * hashes a key, modulo the partition count of the frontier topic. Every instance computes the same
 * partition for a host, and a frontier record keyed by its host lands on that partition.
 *
 * @param partitions the frontier topic's partition count, at least 1
 */
public record HostPartitioner(int partitions) {

	public HostPartitioner {
		if (partitions < 1) {
			throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
		}
	}

	/** The partition of {@code host} (a host name or IP literal, any case). */
	public int partitionOf(String host) {
		return Utils.toPositive(Utils.murmur2(key(host).getBytes(StandardCharsets.UTF_8))) % this.partitions;
	}

	/** The form of a host used for hashing and as the frontier record key. */
	public static String key(String host) {
		return host.toLowerCase(Locale.ROOT);
	}

}
