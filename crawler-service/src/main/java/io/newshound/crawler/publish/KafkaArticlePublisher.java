package io.newshound.crawler.publish;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.newshound.events.ArticleEvent;
import io.newshound.events.Topics;

import org.springframework.kafka.core.KafkaTemplate;

/** {@link ArticlePublisher} on a {@link KafkaTemplate}: key = article id, value = the event as JSON. */
public final class KafkaArticlePublisher implements ArticlePublisher {

	private final KafkaTemplate<String, ArticleEvent> template;

	private final Duration timeout;

	public KafkaArticlePublisher(KafkaTemplate<String, ArticleEvent> template, Duration timeout) {
		this.template = template;
		this.timeout = timeout;
	}

	@Override
	public void publish(ArticleEvent article) throws PublishException {
		try {
			this.template.send(Topics.ARTICLES, article.articleId(), article)
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PublishException(article.articleId(), article.url(), "interrupted", ex);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new PublishException(article.articleId(), article.url(), cause.toString(), cause);
		}
		catch (TimeoutException ex) {
			throw new PublishException(article.articleId(), article.url(),
					"no acknowledgement within " + this.timeout.toSeconds() + "s", ex);
		}
		catch (RuntimeException ex) {
			// KafkaTemplate reports some failures (metadata timeout, serialization) by throwing
			throw new PublishException(article.articleId(), article.url(), ex.toString(), ex);
		}
	}

}
