package io.newshound.crawler.cluster;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import io.newshound.crawler.crawl.LinkForwarder;
import io.newshound.crawler.discovery.DiscoveredLink;
import io.newshound.crawler.source.Source;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * {@link LinkForwarder} through the frontier topic: the link goes, keyed by its host, to the partition
 * of its host, whose owner consumes it ({@link CrawlMembership}). Returns once the broker has
 * acknowledged it (idempotent producer, all in-sync replicas).
 */
public final class KafkaLinkForwarder implements LinkForwarder {

	private final Supplier<Producer<String, String>> producer;

	private final String topic;

	private final PartitionOwnership ownership;

	private final Duration timeout;

	public KafkaLinkForwarder(Supplier<Producer<String, String>> producer, String topic, PartitionOwnership ownership,
			Duration timeout) {
		this.producer = producer;
		this.topic = topic;
		this.ownership = ownership;
		this.timeout = timeout;
	}

	@Override
	public void forward(Source source, DiscoveredLink link, int redirects) throws ForwardException {
		String url = link.url().toString();
		HostPartitioner partitioner = this.ownership.partitioner();
		if (partitioner == null) {
			throw new ForwardException(url, "the frontier topic " + this.topic + " is not known yet", null);
		}
		String host = HostPartitioner.key(link.url().getHost());
		ProducerRecord<String, String> record = new ProducerRecord<>(this.topic, partitioner.partitionOf(host), host,
				new FrontierItem(source.name(), link, redirects).toJson());
		try {
			this.producer.get().send(record).get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ForwardException(url, "interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new ForwardException(url, String.valueOf(ex.getCause()), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new ForwardException(url, "no acknowledgement within " + this.timeout.toSeconds() + "s", ex);
		}
		catch (KafkaException ex) {
			throw new ForwardException(url, ex.toString(), ex);
		}
	}

}
