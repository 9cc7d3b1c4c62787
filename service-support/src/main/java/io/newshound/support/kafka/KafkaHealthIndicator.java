package io.newshound.support.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Node;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Reports the Kafka cluster as up when its controller answers within the timeout, with its id, its node count and
 * whether each topic the service needs exists. Spring Boot has no Kafka health indicator, and a service that cannot
 * reach Kafka is not doing its job. A broker that does not answer is an expected state, reported without a stack
 * trace.
 */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private final KafkaAdmin kafkaAdmin;

	private final KafkaHealthProperties properties;

	private volatile Admin admin;

	KafkaHealthIndicator(KafkaAdmin kafkaAdmin, KafkaHealthProperties properties) {
		super("Kafka health check failed");
		this.kafkaAdmin = kafkaAdmin;
		this.properties = properties;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		Duration timeout = this.properties.timeout();
		long millis = timeout.toMillis();
		String clusterId;
		Collection<Node> nodes;
		Set<String> existing = Set.of();
		try {
			DescribeClusterResult cluster = admin().describeCluster(new DescribeClusterOptions().timeoutMs((int) millis));
			clusterId = cluster.clusterId().get(millis, TimeUnit.MILLISECONDS);
			nodes = cluster.nodes().get(millis, TimeUnit.MILLISECONDS);
			if (!this.properties.topics().isEmpty()) {
				existing = admin().listTopics(new ListTopicsOptions().timeoutMs((int) millis))
					.names()
					.get(millis, TimeUnit.MILLISECONDS);
			}
		}
		catch (TimeoutException ex) {
			down(builder, "no answer from the cluster within " + timeout.toSeconds() + "s");
			return;
		}
		catch (ExecutionException ex) {
			down(builder, String.valueOf(ex.getCause()));
			return;
		}
		builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes.size());
		if (!this.properties.topics().isEmpty()) {
			Map<String, Boolean> topics = new LinkedHashMap<>();
			for (String topic : this.properties.topics()) {
				topics.put(topic, existing.contains(topic));
			}
			builder.withDetail("topics", topics);
		}
	}

	private void down(Health.Builder builder, String error) {
		builder.down()
			.withDetail("bootstrapServers", this.kafkaAdmin.getConfigurationProperties().get("bootstrap.servers"))
			.withDetail("error", error);
	}

	private Admin admin() {
		Admin current = this.admin;
		if (current == null) {
			synchronized (this) {
				if (this.admin == null) {
					this.admin = Admin.create(this.kafkaAdmin.getConfigurationProperties());
				}
				current = this.admin;
			}
		}
		return current;
	}

	@Override
	public void destroy() {
		Admin current = this.admin;
		if (current != null) {
			current.close(Duration.ofSeconds(2));
		}
	}

}
