package io.newshound.bench.workload;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.newshound.bench.stack.BenchException;
import io.newshound.events.ArticleEvent;
import io.newshound.events.EventJson;
import io.newshound.events.Topics;

/**
 * Publishes corpus articles to {@code news.articles.v1} as the crawler does (keyed by article id, idempotent,
 * {@code acks=all}), either as fast as the broker takes them or at a steady rate.
 */
public final class ArticleProducer implements AutoCloseable {

	/** Partitions of each topic {@link #createTopics} creates, as the services create theirs. */
	public static final int PARTITIONS = 3;

	private final KafkaProducer<String, byte[]> producer;

	public ArticleProducer(String bootstrap) {
		Properties properties = new Properties();
		properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		properties.put(ProducerConfig.ACKS_CONFIG, "all");
		properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
		properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
		properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
		this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
	}

	/** Creates the pipeline's topics as the services would (3 partitions), so that nothing waits for them. */
	public static void createTopics(String bootstrap) {
		createTopics(bootstrap, List.of(Topics.ARTICLES, Topics.INDEXED, Topics.ARTICLES_DLT));
	}

	/** Creates those of {@code names} that do not exist yet, as the pipeline's topics (3 partitions, 5 MB records). */
	public static void createTopics(String bootstrap, List<String> names) {
		Properties properties = new Properties();
		properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		try (Admin admin = Admin.create(properties)) {
			Set<String> existing = admin.listTopics().names().get();
			List<NewTopic> missing = names.stream()
				.filter((name) -> !existing.contains(name))
				.map((name) -> new NewTopic(name, PARTITIONS, (short) 1).configs(Map.of("max.message.bytes", "5242880")))
				.toList();
			admin.createTopics(missing).all().get();
		}
		catch (ExecutionException ex) {
			throw new BenchException("cannot create the topics: " + ex.getCause().getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchException("interrupted while creating topics", ex);
		}
	}

	/** Publishes every article as fast as the broker acknowledges them; {@code progress} hears every article. */
	public void publish(Stream<ArticleEvent> articles, Consumer<ArticleEvent> progress) {
		articles.forEach((article) -> {
			send(article);
			progress.accept(article);
		});
		this.producer.flush();
	}

	/**
	 * Publishes at {@code perSecond} articles per second, on a fixed schedule (a late send is not made up by a
	 * burst beyond the schedule); {@code beforeSend} hears each article just before it is sent.
	 */
	public void publishSteadily(Stream<ArticleEvent> articles, int perSecond, Consumer<ArticleEvent> beforeSend) {
		long interval = Duration.ofSeconds(1).toNanos() / perSecond;
		long start = System.nanoTime();
		long[] sent = { 0 };
		articles.forEach((article) -> {
			long due = start + sent[0]++ * interval;
			long wait = due - System.nanoTime();
			if (wait > 0) {
				try {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new BenchException("interrupted while publishing", ex);
				}
			}
			beforeSend.accept(article);
			send(article);
		});
		this.producer.flush();
	}

	private void send(ArticleEvent article) {
		this.producer.send(new ProducerRecord<>(Topics.ARTICLES, article.articleId(), EventJson.write(article)),
				(metadata, ex) -> {
					if (ex != null) {
						System.err.println("bench: could not publish " + article.articleId() + ": " + ex.getMessage());
					}
				});
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(10));
	}

}
