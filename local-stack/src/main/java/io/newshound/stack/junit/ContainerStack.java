package io.newshound.stack.junit;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.MountableFile;

import io.newshound.stack.ElasticsearchNode;
import io.newshound.stack.KafkaBroker;

/**
 * Starts, with Testcontainers, whichever of Kafka and Elasticsearch the settings do not point at
 * elsewhere: the {@code apache/kafka} image and Elastic's image, at the versions the embedded
 * stack runs, configured alike. Where no Docker engine answers, the tests are skipped, not failed.
 */
final class ContainerStack {

	private static final String PLUGIN_DIRECTORY = "/tmp/newshound-plugins/";

	private ContainerStack() {
	}

	static RunningStack start(StackSettings settings) {
		Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
				StackSettings.INFRA + "=containers, but no Docker engine answers here");
		Resources resources = new Resources();
		try {
			String kafka = settings.kafkaBootstrap().orElseGet(() -> {
				KafkaContainer container = resources.add(kafka());
				container.start();
				return container.getBootstrapServers();
			});
			String elasticsearch = settings.elasticsearchUrl().orElseGet(() -> {
				ElasticsearchContainer container = resources.add(elasticsearch(settings.plugins()));
				container.start();
				return "http://" + container.getHttpHostAddress();
			});
			RestartControl kafkaControl = RestartControl.unsupported("kafka",
					"a container started again gets another host port, so clients would lose it; "
							+ "run fault tests on the embedded stack");
			RestartControl control = RestartControl.unsupported("elasticsearch", settings.elasticsearchUrl().isPresent()
					? StackSettings.ELASTICSEARCH_URL + " points at an Elasticsearch this stack did not start"
					: "a container started again gets another host port, so clients would lose it; "
							+ "run fault tests on the embedded stack");
			return new RunningStack(kafka, elasticsearch, kafkaControl, control, resources);
		}
		catch (RuntimeException ex) {
			resources.close();
			throw ex;
		}
	}

	private static KafkaContainer kafka() {
		return new KafkaContainer("apache/kafka:" + KafkaBroker.version())
			.withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
			.withEnv("KAFKA_NUM_PARTITIONS", "3")
			.withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
	}

	private static ElasticsearchContainer elasticsearch(List<Path> plugins) {
		ElasticsearchContainer container = new ElasticsearchContainer(
				"docker.elastic.co/elasticsearch/elasticsearch:" + ElasticsearchNode.version())
			.withEnv("xpack.security.enabled", "false")
			.withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
			.withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
			// with security off there is no CA certificate to copy out of the container
			.withCertPath("");
		if (plugins.isEmpty()) {
			return container;
		}
		// install the plugins, then hand over to the image's own entrypoint as its default command would
		StringBuilder script = new StringBuilder("set -e; ");
		for (int i = 0; i < plugins.size(); i++) {
			String zip = PLUGIN_DIRECTORY + i + ".zip";
			container.withCopyFileToContainer(MountableFile.forHostPath(plugins.get(i)), zip);
			script.append("bin/elasticsearch-plugin install --batch file://").append(zip).append("; ");
		}
		script.append("exec /usr/local/bin/docker-entrypoint.sh eswrapper");
		return container.withCommand("bash", "-c", script.toString());
	}

}
