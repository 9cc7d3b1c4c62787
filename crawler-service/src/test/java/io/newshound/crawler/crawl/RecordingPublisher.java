package io.newshound.crawler.crawl;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.newshound.crawler.publish.ArticlePublisher;
import io.newshound.crawler.publish.PublishException;
import io.newshound.events.ArticleEvent;

/** The publish boundary for crawl tests: keeps what it is given, and can refuse the next few. */
final class RecordingPublisher implements ArticlePublisher {

	private final List<ArticleEvent> published = new CopyOnWriteArrayList<>();

	private final AtomicInteger failures = new AtomicInteger();

	@Override
	public void publish(ArticleEvent article) throws PublishException {
		if (this.failures.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			throw new PublishException(article.articleId(), article.url(), "broker unavailable (test)", null);
		}
		this.published.add(article);
	}

	/** The next {@code count} publishes fail. */
	void failNext(int count) {
		this.failures.set(count);
	}

	List<ArticleEvent> published() {
		return List.copyOf(this.published);
	}

}
