package io.newshound.crawler.publish;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.newshound.events.Topics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Node;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Kafka in the actuator's health (Spring Boot 4 has none of its own): UP when the cluster answers
 * {@code describeCluster} within the timeout, with its id, node count and whether
 * {@code news.articles.v1} exists; DOWN otherwise. One admin client is kept for the checks.
 */
public final class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final Map<String, Object> adminConfig;

	private final Duration timeout;

	private AdminClient admin;

	public KafkaHealthIndicator(Map<String, Object> adminConfig, Duration timeout) {
		super("Kafka health check failed");
		this.adminConfig = adminConfig;
		this.timeout = timeout;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		AdminClient client = admin();
		int millis = (int) this.timeout.toMillis();
		String clusterId;
		Collection<Node> nodes;
		Set<String> topics;
		try {
			DescribeClusterResult cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs(millis));
			clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
			nodes = cluster.nodes().get(millis, TimeUnit.MILLISECONDS);
			topics = client.listTopics(new ListTopicsOptions().timeoutMs(millis)).names().get(millis, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			// an expected state while the broker is away: no stack trace in the log for it
			builder.down()
				.withDetail("bootstrapServers", this.adminConfig.get("bootstrap.servers"))
				.withDetail("error", "no answer from the cluster within " + this.timeout.toSeconds() + "s");
			return;
		}
		catch (ExecutionException ex) {
			builder.down()
				.withDetail("bootstrapServers", this.adminConfig.get("bootstrap.servers"))
				.withDetail("error", String.valueOf(ex.getCause()));
			return;
		}
		builder.up()
			.withDetail("clusterId", clusterId)
			.withDetail("nodes", nodes.size())
			.withDetail("topic", Topics.ARTICLES)
			.withDetail("topicExists", topics.contains(Topics.ARTICLES));
	}

	private synchronized AdminClient admin() {
		if (this.admin == null) {
			this.admin = AdminClient.create(this.adminConfig);
		}
		return this.admin;
	}

	@Override
	public synchronized void destroy() {
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(5));
		}
	}

}
