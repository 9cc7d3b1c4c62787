package io.newshound.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * An unpacked Elasticsearch distribution, {@code <dataDir>/elasticsearch-<version>/}: unpacked
 * once per version and reused by later starts; {@code config/elasticsearch.yml} is rewritten on
 * every start because ports and paths may change.
 */
final class ElasticsearchHome {

	private static final String COMPONENT = "elasticsearch";

	private final Path directory;

	private ElasticsearchHome(Path directory) {
		this.directory = directory;
	}

	static ElasticsearchHome unpackedOnce(Path zip, String version, Path dataDirectory, Progress progress) {
		Path home = dataDirectory.resolve("elasticsearch-" + version);
		if (!Files.isRegularFile(home.resolve("bin/elasticsearch"))) {
			progress.report(COMPONENT + ": unpacking " + version + " into " + home + "…");
			unpack(zip, home);
		}
		return new ElasticsearchHome(home);
	}

	Path directory() {
		return this.directory;
	}

	Path tool(String name) {
		return this.directory.resolve("bin").resolve(name);
	}

	/** Settings for a single node on 127.0.0.1 with security off, as a developer machine needs. */
	void writeConfig(int httpPort, int transportPort, Path data, Path logs) {
		List<String> lines = List.of("# written by local-stack on every start", "cluster.name: newshound-local",
				"node.name: newshound-local", "discovery.type: single-node", "network.host: " + Ports.HOST,
				"http.port: " + httpPort, "transport.port: " + transportPort, "path.data: " + quoted(data),
				"path.logs: " + quoted(logs), "xpack.security.enabled: false",
				// a nearly full developer disk must not turn indices read-only mid-test
				"cluster.routing.allocation.disk.threshold_enabled: false");
		try {
			Files.write(this.directory.resolve("config/elasticsearch.yml"), lines);
		}
		catch (IOException ex) {
			throw new StackException(COMPONENT, "could not write " + this.directory.resolve("config/elasticsearch.yml")
					+ ": " + ex.getMessage(), ex);
		}
	}

	/** A YAML double-quoted scalar, so that any path survives. */
	private static String quoted(Path path) {
		return '"' + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	/**
	 * Unpacks into a sibling directory first and renames it into place, so that a start
	 * interrupted half-way never leaves a home that looks complete.
	 */
	private static void unpack(Path zip, Path home) {
		Path partial = home.resolveSibling(home.getFileName() + ".partial");
		try {
			deleteRecursively(partial);
			try (ZipFile archive = new ZipFile(zip.toFile())) {
				Enumeration<? extends ZipEntry> entries = archive.entries();
				while (entries.hasMoreElements()) {
					extract(archive, entries.nextElement(), partial);
				}
			}
			Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException | UncheckedIOException ex) {
			throw new StackException(COMPONENT, "could not unpack " + zip + " into " + home + ": " + ex.getMessage(), ex);
		}
	}

	/** Drops the zip's top directory ({@code elasticsearch-9.2.4/}); java.util.zip loses the exec bits of bin/. */
	private static void extract(ZipFile archive, ZipEntry entry, Path target) throws IOException {
		String name = entry.getName();
		int slash = name.indexOf('/');
		if (slash < 0 || slash == name.length() - 1) {
			return;
		}
		Path path = target.resolve(name.substring(slash + 1)).normalize();
		if (!path.startsWith(target)) {
			throw new IOException("zip entry " + name + " points outside the target directory");
		}
		if (entry.isDirectory()) {
			Files.createDirectories(path);
			return;
		}
		Files.createDirectories(path.getParent());
		try (InputStream in = archive.getInputStream(entry)) {
			Files.copy(in, path);
		}
		if (path.getParent().getFileName().toString().equals("bin") && !name.endsWith(".bat") && !name.endsWith(".exe")) {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
