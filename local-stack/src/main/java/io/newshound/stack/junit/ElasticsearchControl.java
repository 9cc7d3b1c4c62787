package io.newshound.stack.junit;

import org.junit.jupiter.api.Assumptions;

/** What {@link LocalStack#stopElasticsearch()} and {@link LocalStack#startElasticsearch()} do for one kind of stack. */
interface ElasticsearchControl {

	void stop();

	void start();

	/** For an Elasticsearch that cannot be restarted at the same URL: the calling test is aborted. */
	static ElasticsearchControl unsupported(String reason) {
		return new ElasticsearchControl() {

			@Override
			public void stop() {
				Assumptions.abort("cannot stop Elasticsearch: " + reason);
			}

			@Override
			public void start() {
				Assumptions.abort("cannot start Elasticsearch: " + reason);
			}

		};
	}

}
