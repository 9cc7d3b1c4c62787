package io.newshound.stack.junit;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/** The system properties that {@link LocalStackExtension} documents, read once per JVM. */
record StackSettings(Infra infra, Optional<String> kafkaBootstrap, Optional<String> elasticsearchUrl,
		List<Path> plugins) {

	static final String INFRA = "newshound.infra";

	static final String KAFKA_BOOTSTRAP = "newshound.kafka.bootstrap";

	static final String ELASTICSEARCH_URL = "newshound.elasticsearch.url";

	static final String PLUGINS = "newshound.es.plugins";

	static StackSettings fromSystemProperties() {
		return new StackSettings(Infra.named(System.getProperty(INFRA, "embedded")), property(KAFKA_BOOTSTRAP),
				property(ELASTICSEARCH_URL), property(PLUGINS).stream()
					.flatMap((paths) -> Stream.of(paths.split(File.pathSeparator)))
					.filter((path) -> !path.isBlank())
					.map((path) -> Path.of(path.trim()))
					.toList());
	}

	private static Optional<String> property(String name) {
		return Optional.ofNullable(System.getProperty(name)).map(String::trim).filter((value) -> !value.isEmpty());
	}

	enum Infra {

		/** Child processes of this JVM, from the artifacts in the local Maven repository. */
		EMBEDDED,

		/** Testcontainers, where a Docker engine is available. */
		CONTAINERS;

		static Infra named(String name) {
			try {
				return valueOf(name.trim().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new ExtensionConfigurationException(INFRA + " must be embedded or containers, not " + name);
			}
		}

	}

}
