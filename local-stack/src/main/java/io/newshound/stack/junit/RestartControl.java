package io.newshound.stack.junit;

import org.junit.jupiter.api.Assumptions;

/**
 * What {@link LocalStack#stopElasticsearch()}/{@link LocalStack#startElasticsearch()} and
 * {@link LocalStack#stopKafka()}/{@link LocalStack#startKafka()} do for one component of one kind of stack.
 */
interface RestartControl {

	void stop();

	void start();

	/** For a component that cannot be restarted at the same address: the calling test is aborted. */
	static RestartControl unsupported(String component, String reason) {
		return new RestartControl() {

			@Override
			public void stop() {
				Assumptions.abort("cannot stop " + component + ": " + reason);
			}

			@Override
			public void start() {
				Assumptions.abort("cannot start " + component + ": " + reason);
			}

		};
	}

}
