package io.newshound.indexer.ingest;

/** The pause between retries, cut short by an interrupt (shutdown), whose flag it keeps for the caller's loop. */
final class Sleeper {

	private Sleeper() {
	}

	/** @return {@code false} when interrupted: the caller should stop retrying */
	static boolean sleep(long millis) {
		try {
			Thread.sleep(millis);
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
