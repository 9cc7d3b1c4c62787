package io.newshound.stack.junit;

/** A started stack and what to close to stop it. */
record RunningStack(String kafkaBootstrapServers, String elasticsearchUrl, ElasticsearchControl elasticsearch,
		Resources resources) implements LocalStack, AutoCloseable {

	@Override
	public void stopElasticsearch() {
		this.elasticsearch.stop();
	}

	@Override
	public void startElasticsearch() {
		this.elasticsearch.start();
	}

	@Override
	public void close() {
		this.resources.close();
	}

}
