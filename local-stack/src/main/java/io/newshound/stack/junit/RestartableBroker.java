package io.newshound.stack.junit;

import io.newshound.stack.KafkaBroker;
import io.newshound.stack.Progress;

/**
 * The embedded stack's Kafka broker, which a test may stop and start again: the second start reuses the
 * first one's port and data directory, so the bootstrap address every client holds stays valid and the
 * topics, records and committed offsets survive. A start returns once the broker answers.
 */
final class RestartableBroker implements RestartControl, AutoCloseable {

	private final KafkaBroker.Config config;

	private final Progress progress;

	private final String bootstrapServers;

	private KafkaBroker broker;

	private RestartableBroker(KafkaBroker.Config config, Progress progress, KafkaBroker broker) {
		this.config = config;
		this.progress = progress;
		this.bootstrapServers = broker.bootstrapServers();
		this.broker = broker;
	}

	/** Starts the broker; a port of 0 becomes a free port below the ephemeral range ({@link QuietPorts}). */
	static RestartableBroker start(KafkaBroker.Config config, Progress progress) {
		if (config.port() == 0) {
			config = new KafkaBroker.Config(config.dataDirectory(), QuietPorts.belowEphemeralRange());
		}
		KafkaBroker broker = KafkaBroker.start(config, progress);
		String bootstrap = broker.bootstrapServers();
		int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
		return new RestartableBroker(new KafkaBroker.Config(config.dataDirectory(), port), progress, broker);
	}

	String bootstrapServers() {
		return this.bootstrapServers;
	}

	@Override
	public synchronized void stop() {
		if (this.broker != null) {
			this.progress.report("kafka: stopping " + this.bootstrapServers + " (data kept)…");
			this.broker.close();
			this.broker = null;
		}
	}

	@Override
	public synchronized void start() {
		if (this.broker == null) {
			this.broker = KafkaBroker.start(this.config, this.progress);
		}
	}

	/** Stops the broker for good, at the end of the run. */
	@Override
	public synchronized void close() {
		if (this.broker != null) {
			this.broker.close();
			this.broker = null;
		}
	}

}
