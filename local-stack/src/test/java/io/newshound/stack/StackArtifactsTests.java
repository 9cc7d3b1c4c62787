package io.newshound.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StackArtifactsTests {

	/** The build recorded artifacts that exist: this very build downloaded them. */
	@Test
	void recordsArtifactsThatExist() {
		StackArtifacts artifacts = StackArtifacts.recordedByTheBuild();

		assertThat(artifacts.elasticsearchVersion()).matches("\\d+\\.\\d+\\.\\d+");
		assertThat(artifacts.requireElasticsearchZip()).isRegularFile();
		assertThat(artifacts.requireKafkaClasspath()).contains("kafka_2.13-" + artifacts.kafkaVersion() + ".jar");
		assertThat(artifacts.kafkaClasspath()).allMatch(Files::isRegularFile);
	}

	/** A local repository that lost the zip gets the command that downloads it again. */
	@Test
	void saysHowToDownloadAMissingDistribution() {
		Path missing = Path.of("/nowhere/elasticsearch-9.2.4.zip");
		StackArtifacts artifacts = new StackArtifacts("9.2.4", missing, "4.1.2", List.of());

		assertThatExceptionOfType(StackException.class).isThrownBy(artifacts::requireElasticsearchZip)
			.withMessage("elasticsearch: the Elasticsearch 9.2.4 distribution is not in the local Maven repository"
					+ " (expected /nowhere/elasticsearch-9.2.4.zip); download it with: ./mvnw -B dependency:get"
					+ " -Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:9.2.4:zip"
					+ " -Dtransitive=false");
	}

}
