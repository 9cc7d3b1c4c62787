package io.newshound.stack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What the build of this module recorded in {@code stack.properties}: the versions it runs and
 * where it found their artifacts in the local Maven repository. Elasticsearch and the Kafka broker
 * are provided-scope dependencies, so they are downloaded by the build but never put on the
 * classpath of a module that uses local-stack.
 */
record StackArtifacts(String elasticsearchVersion, Path elasticsearchZip, String kafkaVersion,
		List<Path> kafkaClasspath) {

	static StackArtifacts recordedByTheBuild() {
		Properties properties = new Properties();
		try (InputStream in = StackArtifacts.class.getResourceAsStream("stack.properties")) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("local-stack's own stack.properties is unreadable", ex);
		}
		return new StackArtifacts(properties.getProperty("elasticsearch.version"),
				Path.of(properties.getProperty("elasticsearch.zip")), properties.getProperty("kafka.version"),
				Stream.of(properties.getProperty("kafka.classpath").split(File.pathSeparator)).map(Path::of).toList());
	}

	/** The distribution zip, if it is still in the local Maven repository. */
	Path requireElasticsearchZip() {
		if (!Files.isRegularFile(this.elasticsearchZip)) {
			throw new StackException("elasticsearch", "the Elasticsearch " + this.elasticsearchVersion
					+ " distribution is not in the local Maven repository (expected " + this.elasticsearchZip
					+ "); download it with: ./mvnw -B dependency:get"
					+ " -Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:"
					+ this.elasticsearchVersion + ":zip -Dtransitive=false");
		}
		return this.elasticsearchZip;
	}

	/** The broker's classpath, if every jar of it is still in the local Maven repository. */
	String requireKafkaClasspath() {
		this.kafkaClasspath.stream()
			.filter((jar) -> !Files.isRegularFile(jar))
			.findFirst()
			.ifPresent((missing) -> {
				throw new StackException("kafka", "the Kafka " + this.kafkaVersion
						+ " broker's jars are not all in the local Maven repository (missing " + missing + "); "
						+ "download them with: ./mvnw -B -pl local-stack dependency:resolve");
			});
		return String.join(File.pathSeparator, this.kafkaClasspath.stream().map(Path::toString).toList());
	}

}
