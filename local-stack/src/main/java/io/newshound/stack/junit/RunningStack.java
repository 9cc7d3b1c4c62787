package io.newshound.stack.junit;

/** A started stack and what to close to stop it. */
record RunningStack(String kafkaBootstrapServers, String elasticsearchUrl, RestartControl kafka,
		RestartControl elasticsearch, Resources resources) implements LocalStack, AutoCloseable {

	@Override
	public void stopElasticsearch() {
		this.elasticsearch.stop();
	}

	@Override
	public void startElasticsearch() {
		this.elasticsearch.start();
	}

	@Override
	public void stopKafka() {
		this.kafka.stop();
	}

	@Override
	public void startKafka() {
		this.kafka.start();
	}

	@Override
	public void close() {
		this.resources.close();
	}

}
