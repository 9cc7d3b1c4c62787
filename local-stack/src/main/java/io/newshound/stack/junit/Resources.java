package io.newshound.stack.junit;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;

/** Closes what was started, last first, even when closing one of them fails. */
final class Resources implements AutoCloseable {

	private final Deque<AutoCloseable> started = new ConcurrentLinkedDeque<>();

	<T extends AutoCloseable> T add(T resource) {
		this.started.push(resource);
		return resource;
	}

	@Override
	public void close() {
		RuntimeException failure = null;
		for (AutoCloseable resource = this.started.poll(); resource != null; resource = this.started.poll()) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				if (failure == null) {
					failure = new IllegalStateException("could not stop the local stack cleanly", ex);
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

}
