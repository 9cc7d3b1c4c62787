package io.newshound.stack.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

import io.newshound.stack.ElasticsearchNode;
import io.newshound.stack.KafkaBroker;
import io.newshound.stack.Progress;

/**
 * Starts, as child processes, whichever of Kafka and Elasticsearch the settings do not point at
 * elsewhere. Both start at once (Kafka takes seconds, Elasticsearch half a minute) in a fresh
 * directory under {@code java.io.tmpdir} that is deleted when the stack stops, so every test JVM
 * begins with no topics and no indices. The node can be stopped and started again by a test
 * ({@link RestartableNode}), and so can the broker ({@link RestartableBroker}).
 */
final class EmbeddedStack {

	private static final Progress PROGRESS = (line) -> System.out.println("[local-stack] " + line);

	private EmbeddedStack() {
	}

	static RunningStack start(StackSettings settings) {
		Resources resources = new Resources();
		try {
			Path dataDirectory = createDataDirectory();
			resources.add(() -> deleteRecursively(dataDirectory));
			CompletableFuture<RestartableBroker> broker = settings.kafkaBootstrap().isPresent()
					? CompletableFuture.completedFuture(null)
					: CompletableFuture.supplyAsync(() -> resources
						.add(RestartableBroker.start(new KafkaBroker.Config(dataDirectory, 0), PROGRESS)));
			String elasticsearchUrl;
			RestartControl elasticsearch;
			try {
				if (settings.elasticsearchUrl().isPresent()) {
					elasticsearchUrl = settings.elasticsearchUrl().get();
					elasticsearch = RestartControl.unsupported("elasticsearch", StackSettings.ELASTICSEARCH_URL + " points at an "
							+ "Elasticsearch this stack did not start");
				}
				else {
					RestartableNode node = resources.add(RestartableNode.start(
							new ElasticsearchNode.Config(dataDirectory, 0, settings.plugins(), "512m"), PROGRESS));
					elasticsearchUrl = node.httpUrl();
					elasticsearch = node;
				}
			}
			catch (RuntimeException ex) {
				// let a broker that is still starting finish, so that closing the resources stops it
				broker.exceptionally((failure) -> null).join();
				throw ex;
			}
			RestartableBroker started = broker.join();
			if (started == null) {
				return new RunningStack(settings.kafkaBootstrap().get(), elasticsearchUrl,
						RestartControl.unsupported("kafka", StackSettings.KAFKA_BOOTSTRAP
								+ " points at a Kafka this stack did not start"),
						elasticsearch, resources);
			}
			return new RunningStack(started.bootstrapServers(), elasticsearchUrl, started, elasticsearch, resources);
		}
		catch (RuntimeException ex) {
			resources.close();
			throw (ex instanceof CompletionException && ex.getCause() instanceof RuntimeException cause) ? cause : ex;
		}
	}

	/** Readable by all: Elasticsearch may run as another user, who must be able to enter it. */
	private static Path createDataDirectory() {
		try {
			Path directory = Files.createTempDirectory("newshound-local-stack-");
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("could not create the local stack's data directory", ex);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
