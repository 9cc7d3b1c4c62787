package io.newshound.crawler.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-host politeness: at most one request in flight per host, and a delay between the end of one
 * request and the start of the next. A host can also be held back (after a long {@code Retry-After}).
 * Waiting is bounded so that no worker thread is stuck on one host for ever.
 */
final class HostGate {

	private final Map<String, Slot> slots = new ConcurrentHashMap<>();

	private final Clock clock;

	HostGate(Clock clock) {
		this.clock = clock;
	}

	/** A host's turn; {@link #release(Duration)} it when the request is done. */
	final class Permit {

		private final Slot slot;

		private final Duration waited;

		private boolean released;

		Permit(Slot slot, Duration waited) {
			this.slot = slot;
			this.waited = waited;
		}

		/** How long the caller waited for this turn. */
		Duration waited() {
			return this.waited;
		}

		/** Ends the turn; the next request to the host may start {@code delay} from now. */
		void release(Duration delay) {
			if (this.released) {
				return;
			}
			this.released = true;
			Instant next = HostGate.this.clock.instant().plus(delay);
			if (next.isAfter(this.slot.nextAllowed)) {
				this.slot.nextAllowed = next;
			}
			this.slot.lock.unlock();
		}

	}

	/** The host is busy or held back longer than the caller is willing to wait. */
	static final class BusyException extends Exception {

		BusyException(String message) {
			super(message);
		}

	}

	/**
	 * Waits for the host's turn: for the request in flight to end and for the host's delay to pass.
	 * @param maxWait the longest wait accepted
	 * @throws BusyException if the turn would come later than {@code maxWait}
	 * @throws InterruptedException if interrupted while waiting
	 */
	Permit acquire(String host, Duration maxWait) throws BusyException, InterruptedException {
		Slot slot = this.slots.computeIfAbsent(host.toLowerCase(Locale.ROOT), (key) -> new Slot());
		long start = System.nanoTime();
		if (!slot.lock.tryLock(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
			throw new BusyException("host " + host + " stayed busy for " + maxWait.toSeconds() + "s");
		}
		try {
			Duration remaining = maxWait.minusNanos(System.nanoTime() - start);
			Duration delay = Duration.between(this.clock.instant(), slot.nextAllowed);
			if (delay.compareTo(remaining) > 0) {
				throw new BusyException("host " + host + " is held back until " + slot.nextAllowed);
			}
			if (!delay.isNegative() && !delay.isZero()) {
				TimeUnit.NANOSECONDS.sleep(delay.toNanos());
			}
			return new Permit(slot, Duration.ofNanos(System.nanoTime() - start));
		}
		catch (BusyException | InterruptedException | RuntimeException ex) {
			slot.lock.unlock();
			throw ex;
		}
	}

	private static final class Slot {

		private final ReentrantLock lock = new ReentrantLock(true);

		private volatile Instant nextAllowed = Instant.EPOCH;

	}

}
