package io.newshound.indexer.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The explicit start-up step: once the index and its alias exist, consumption starts. Writing
 * before that would let Elasticsearch auto-create an unmapped index under the alias name.
 *
 * <p>Failures are sorted like the bulk writes' (see {@link IndexSetupFailure}):
 * <ul>
 * <li>Elasticsearch unreachable, 408, 429 or 5xx: waited for with exponential backoff from
 * {@code initialInterval} to {@code maxInterval}, each attempt logged as a warning.</li>
 * <li>A refusal (any other 4xx, such as a template whose analysis filters the nodes lack): one ERROR
 * naming the cause and the fix, {@code indexSetup} DOWN on the health endpoint with both, and a new
 * attempt every {@code maxInterval}, so that the indexer recovers by itself once the cause is
 * fixed. The same refusal again is logged at DEBUG only.</li>
 * </ul>
 */
class IndexerStartup implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(IndexerStartup.class);

	private final IndexPreparation preparation;

	private final Runnable startConsuming;

	private final IndexSetupStatus status;

	private final ExponentialBackOff backOff;

	private volatile Thread thread;

	IndexerStartup(IndexPreparation preparation, Runnable startConsuming, IndexSetupStatus status,
			ExponentialBackOff backOff) {
		this.preparation = preparation;
		this.startConsuming = startConsuming;
		this.status = status;
		this.backOff = backOff;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		start();
	}

	void start() {
		Thread started = new Thread(this::prepareThenConsume, "indexer-startup");
		started.setDaemon(true);
		this.thread = started;
		started.start();
	}

	/** Stops retrying when the context closes before the index was set up. */
	@Override
	public void destroy() {
		Thread current = this.thread;
		if (current != null) {
			current.interrupt();
		}
	}

	private void prepareThenConsume() {
		BackOffExecution transientPauses = this.backOff.start();
		String refusalLogged = null;
		while (!Thread.currentThread().isInterrupted()) {
			try {
				this.preparation.ensureIndex();
				this.startConsuming.run();
				if (refusalLogged != null) {
					logger.info("Index '{}' is set up now; the earlier refusal was fixed", this.status.alias());
				}
				this.status.ready();
				logger.info("Consuming articles");
				return;
			}
			catch (Exception ex) {
				IndexSetupFailure failure = IndexSetupFailure.of(ex);
				this.status.failed(failure);
				long pause = failure.permanent() ? this.backOff.getMaxInterval() : transientPauses.nextBackOff();
				if (failure.permanent()) {
					if (!failure.reason().equals(refusalLogged)) {
						logger.error("Elasticsearch refused to set up index '{}' ({}). {} The indexer consumes nothing "
								+ "until then and tries again every {} ms.", this.status.alias(), failure.reason(),
								failure.fix(), pause);
						refusalLogged = failure.reason();
					}
					else {
						logger.debug("Index set-up refused again ({}); next attempt in {} ms", failure.reason(), pause);
					}
				}
				else {
					logger.warn("Elasticsearch not ready ({}); retrying in {} ms", failure.reason(), pause);
				}
				if (!Sleeper.sleep(pause)) {
					return;
				}
			}
		}
	}

	/** The step that must succeed before consumption starts: {@code ArticleIndexSetup::ensureIndex}. */
	@FunctionalInterface
	interface IndexPreparation {

		void ensureIndex() throws Exception;

	}

}
