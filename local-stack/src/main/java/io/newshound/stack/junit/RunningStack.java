package io.newshound.stack.junit;

/** A started stack and what to close to stop it. */
record RunningStack(String kafkaBootstrapServers, String elasticsearchUrl, Resources resources)
		implements LocalStack, AutoCloseable {

	@Override
	public void close() {
		this.resources.close();
	}

}
