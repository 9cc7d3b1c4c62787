package io.newshound.bench.indexing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When documents were done ({@link System#nanoTime()}), in groups: one bulk request of the baseline, or one
 * article announced by the indexer. Gives the rate over the whole load and the steady rate after a warm-up,
 * the same way for both sides of figure 1.
 */
final class Completions {

	private record Done(long nanos, long documents) {
	}

	private final long start;

	private final List<Done> done = new ArrayList<>();

	private long end;

	/** @param start when the clock started */
	Completions(long start) {
		this.start = start;
		this.end = start;
	}

	void add(long nanos, long documents) {
		this.done.add(new Done(nanos, documents));
		this.end = Math.max(this.end, nanos);
	}

	/** Marks the end of the load (a final refresh may come after the last request). */
	Completions end(long nanos) {
		this.end = Math.max(this.end, nanos);
		return this;
	}

	/** The same completions with another end, such as when the merges a load set off were over. */
	Completions endingAt(long nanos) {
		Completions copy = new Completions(this.start);
		this.done.forEach((item) -> copy.add(item.nanos(), item.documents()));
		return copy.end(nanos);
	}

	long documents() {
		return this.done.stream().mapToLong(Done::documents).sum();
	}

	double seconds() {
		return (this.end - this.start) / 1e9;
	}

	/** Documents per second from the start to the end. */
	double rate() {
		return documents() / seconds();
	}

	/**
	 * Documents per second after the first {@code warmup} documents were done: the documents done later, over
	 * the time from that moment to the end. The JIT of Elasticsearch and of the indexer is cold at first.
	 */
	double rateAfter(long warmup) {
		List<Done> sorted = this.done.stream().sorted(Comparator.comparingLong(Done::nanos)).toList();
		long counted = 0;
		for (Done item : sorted) {
			counted += item.documents();
			if (counted >= warmup) {
				long after = documents() - counted;
				return (after == 0 || this.end == item.nanos()) ? rate() : after / ((this.end - item.nanos()) / 1e9);
			}
		}
		return rate();
	}

}
