package io.newshound.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Start failures that are found before any process starts; the real start is in LocalStackIntegrationTests. */
class ElasticsearchNodeTests {

	@TempDir
	Path machine;

	/** As root, the node runs as user newshound, which cannot reach a data directory under a private one. */
	@Test
	void namesTheDirectoryItsUserCannotEnter() throws IOException {
		assumeTrue(UnprivilegedUser.weAreRoot(), "only root switches to another user");
		// @TempDir itself is private to its owner; open it so that the check gets as far as "closed"
		Files.setPosixFilePermissions(this.machine, PosixFilePermissions.fromString("rwxr-xr-x"));
		Path closed = Files.createDirectories(this.machine.resolve("closed"));
		Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
		Path dataDirectory = closed.resolve("data");

		assertThatExceptionOfType(StackException.class)
			.isThrownBy(() -> ElasticsearchNode.start(new ElasticsearchNode.Config(dataDirectory, 0, List.of(), "512m"),
					(line) -> {
					}))
			.withMessage("elasticsearch: user newshound, which runs Elasticsearch, cannot enter " + closed
					+ " on the way to the data directory " + dataDirectory + "; use a data directory outside it"
					+ " or allow others in (chmod o+x " + closed + ")");
	}

	@Test
	void rejectsAHeapElasticsearchWouldNotUnderstand() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new ElasticsearchNode.Config(this.machine, 0, List.of(), "512"))
			.withMessage("heap must look like 512m or 1g: 512");
	}

}
