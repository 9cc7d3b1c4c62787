package io.newshound.crawler.publish;

import io.newshound.events.ArticleEvent;

/** Publishes articles to {@code news.articles.v1}. */
public interface ArticlePublisher {

	/**
	 * Sends {@code article}, keyed by its id, and returns once the broker has acknowledged it (all
	 * in-sync replicas), so that the caller may record it as published.
	 * @throws PublishException if the broker did not acknowledge it in time
	 */
	void publish(ArticleEvent article) throws PublishException;

}
