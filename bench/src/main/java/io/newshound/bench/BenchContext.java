package io.newshound.bench;

import io.newshound.bench.memory.MemorySampler;
import io.newshound.bench.stack.BenchStack;
import io.newshound.bench.stack.Elasticsearch;
import io.newshound.bench.workload.IndexedWatcher;

/**
 * What the figures share in one run: the options, the stack, the memory sampler, progress output.
 *
 * @param options the run's options
 * @param stack Kafka, Elasticsearch and the services
 * @param elasticsearch plain REST calls to the node
 * @param memory samples every service for figure 6
 * @param indexed what the indexer announced on {@code news.indexed.v1}
 * @param console progress lines
 */
public record BenchContext(BenchOptions options, BenchStack stack, Elasticsearch elasticsearch, MemorySampler memory,
		IndexedWatcher indexed, Console console) {
}
