package io.newshound.crawler.fetch;

/**
 * Which hosts this crawler instance may send requests to. When several instances share the work,
 * each host belongs to exactly one of them at a time (see {@code io.newshound.crawler.cluster}); a
 * single instance owns every host ({@link #everything()}).
 *
 * <p>Ownership moves only once the instance losing a host has no request to it in flight: every
 * request is made between a successful {@link #begin(String)} and the {@link Work#close()} of what
 * it returned, and taking a host away waits for those to end. Implementations are thread-safe.
 */
public interface HostOwnership {

	/** Whether this instance owns {@code host} now (a host name or IP literal, any case). */
	boolean owns(String host);

	/**
	 * Starts a piece of work on {@code host} (a request, or an article's publish and state write) if
	 * this instance owns the host; the host cannot move to another instance until it is closed.
	 * @return the work to close when it has ended, or {@code null} when the host is not owned
	 */
	Work begin(String host);

	/**
	 * Calls {@code listener} (on any thread) whenever the set of owned hosts changes. Does nothing
	 * when ownership never changes.
	 */
	default void onChange(Runnable listener) {
	}

	/** Work in progress on an owned host. */
	interface Work extends AutoCloseable {

		@Override
		void close();

	}

	/** Every host, for ever: a crawler that shares its work with no other instance. */
	static HostOwnership everything() {
		return Everything.INSTANCE;
	}

	/** {@link #everything()}. */
	final class Everything implements HostOwnership {

		private static final Everything INSTANCE = new Everything();

		private static final Work NO_OP = () -> {
		};

		private Everything() {
		}

		@Override
		public boolean owns(String host) {
			return true;
		}

		@Override
		public Work begin(String host) {
			return NO_OP;
		}

	}

}
