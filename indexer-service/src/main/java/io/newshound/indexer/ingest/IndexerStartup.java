package io.newshound.indexer.ingest;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newshound.indexer.index.ArticleIndexSetup;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The explicit start-up step: once the index and its alias exist, consumption starts. Writing
 * before that would let Elasticsearch auto-create an unmapped index under the alias name. An
 * unreachable Elasticsearch is waited for with backoff, each attempt logged.
 */
class IndexerStartup implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(IndexerStartup.class);

	private final ArticleIndexSetup indexSetup;

	private final KafkaListenerEndpointRegistry registry;

	private final Duration maxInterval;

	IndexerStartup(ArticleIndexSetup indexSetup, KafkaListenerEndpointRegistry registry, Duration maxInterval) {
		this.indexSetup = indexSetup;
		this.registry = registry;
		this.maxInterval = maxInterval;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		Thread thread = new Thread(this::prepareThenConsume, "indexer-startup");
		thread.setDaemon(true);
		thread.start();
	}

	private void prepareThenConsume() {
		long pause = 500;
		while (!Thread.currentThread().isInterrupted()) {
			try {
				this.indexSetup.ensureIndex();
				MessageListenerContainer container = this.registry.getListenerContainer(ArticleBatchListener.LISTENER_ID);
				container.start();
				logger.info("Consuming articles");
				return;
			}
			catch (Exception ex) {
				logger.warn("Elasticsearch not ready ({}); retrying in {} ms", ex.getMessage(), pause);
				try {
					Thread.sleep(pause);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
				}
				pause = Math.min(pause * 2, this.maxInterval.toMillis());
			}
		}
	}

}
