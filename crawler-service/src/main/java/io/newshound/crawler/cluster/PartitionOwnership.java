package io.newshound.crawler.cluster;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import io.newshound.crawler.fetch.HostOwnership;

/**
 * {@link HostOwnership} by frontier partition: this instance owns a host when the host's partition
 * ({@link HostPartitioner}) is active here. {@link CrawlMembership} activates the partitions Kafka
 * assigns to this instance once the crawl state has caught up, and deactivates them when Kafka takes
 * them away: {@link #deactivate} waits until the work in progress on their hosts has ended, which is
 * what keeps two instances from ever having a request to one host in flight at once.
 */
public final class PartitionOwnership implements HostOwnership {

	private final Object lock = new Object();

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	/** Guarded by {@link #lock}. */
	private HostPartitioner partitioner;

	/** Guarded by {@link #lock}. */
	private final Set<Integer> active = new TreeSet<>();

	/** Work in progress per partition. Guarded by {@link #lock}. */
	private final Map<Integer, Integer> inProgress = new HashMap<>();

	/** Sets the partitioner once the frontier topic's partition count is known; nothing is owned before. */
	void partitioner(HostPartitioner partitioner) {
		synchronized (this.lock) {
			this.partitioner = partitioner;
		}
	}

	/** The partitioner, or {@code null} while the partition count is not known. */
	public HostPartitioner partitioner() {
		synchronized (this.lock) {
			return this.partitioner;
		}
	}

	@Override
	public boolean owns(String host) {
		synchronized (this.lock) {
			return this.partitioner != null && this.active.contains(this.partitioner.partitionOf(host));
		}
	}

	/** Whether {@code partition} is active here. */
	public boolean ownsPartition(int partition) {
		synchronized (this.lock) {
			return this.active.contains(partition);
		}
	}

	@Override
	public Work begin(String host) {
		synchronized (this.lock) {
			if (this.partitioner == null) {
				return null;
			}
			int partition = this.partitioner.partitionOf(host);
			if (!this.active.contains(partition)) {
				return null;
			}
			this.inProgress.merge(partition, 1, Integer::sum);
			return new Ticket(partition);
		}
	}

	@Override
	public void onChange(Runnable listener) {
		this.listeners.add(listener);
	}

	/** The partitions active here, in order. */
	public Set<Integer> active() {
		synchronized (this.lock) {
			return java.util.Collections.unmodifiableSet(new TreeSet<>(this.active));
		}
	}

	/** Makes {@code partitions} active here and tells the listeners. */
	void activate(Collection<Integer> partitions) {
		boolean changed;
		synchronized (this.lock) {
			changed = this.active.addAll(partitions);
		}
		if (changed) {
			notifyListeners();
		}
	}

	/**
	 * Makes {@code partitions} inactive here (no new work starts on their hosts), tells the listeners,
	 * and waits until the work in progress on them has ended.
	 * @param maxWait the longest wait
	 * @return whether all that work ended within {@code maxWait}
	 */
	boolean deactivate(Collection<Integer> partitions, Duration maxWait) throws InterruptedException {
		boolean changed;
		synchronized (this.lock) {
			changed = this.active.removeAll(partitions);
		}
		if (changed) {
			notifyListeners();
		}
		long deadline = System.nanoTime() + maxWait.toNanos();
		synchronized (this.lock) {
			while (busy(partitions)) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				Duration wait = Duration.ofNanos(left);
				this.lock.wait(Math.max(1, wait.toMillis()));
			}
			return true;
		}
	}

	/** Work in progress on {@code partition}. */
	int inProgress(int partition) {
		synchronized (this.lock) {
			return this.inProgress.getOrDefault(partition, 0);
		}
	}

	private boolean busy(Collection<Integer> partitions) {
		for (Integer partition : partitions) {
			if (this.inProgress.getOrDefault(partition, 0) > 0) {
				return true;
			}
		}
		return false;
	}

	private void notifyListeners() {
		for (Runnable listener : this.listeners) {
			listener.run();
		}
	}

	private final class Ticket implements Work {

		private final int partition;

		private boolean closed;

		Ticket(int partition) {
			this.partition = partition;
		}

		@Override
		public void close() {
			synchronized (PartitionOwnership.this.lock) {
				if (this.closed) {
					return;
				}
				this.closed = true;
				PartitionOwnership.this.inProgress.merge(this.partition, -1, Integer::sum);
				PartitionOwnership.this.lock.notifyAll();
			}
		}

	}

}
