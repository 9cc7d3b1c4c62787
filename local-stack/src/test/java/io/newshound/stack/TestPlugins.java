package io.newshound.stack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Plugin zips for tests: a stable plugin with no components, which Elasticsearch installs and
 * loads. It holds one empty jar because a node refuses to boot with a plugin that has none.
 */
public final class TestPlugins {

	/** A fixed timestamp: two zips of the same content must be the same bytes. */
	private static final long FIXED_TIME = 1_700_000_000_000L;

	private TestPlugins() {
	}

	/** {@code description} lets a test build two different zips of the same plugin. */
	public static Path emptyStablePlugin(Path directory, String name, String description) throws IOException {
		Path zip = directory.resolve(name + ".zip");
		try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
			write(out, "stable-plugin-descriptor.properties", ("name=" + name + "\ndescription=" + description
					+ "\nversion=1.0\njava.version=17\nelasticsearch.version=" + ElasticsearchNode.version() + "\n")
				.getBytes(StandardCharsets.UTF_8));
			write(out, "named_components.json", "{}\n".getBytes(StandardCharsets.UTF_8));
			write(out, name + ".jar", emptyJar());
		}
		return zip;
	}

	private static byte[] emptyJar() throws IOException {
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
		ByteArrayOutputStream jar = new ByteArrayOutputStream();
		try (JarOutputStream out = new JarOutputStream(jar)) {
			write(out, "META-INF/MANIFEST.MF", manifestBytes(manifest));
		}
		return jar.toByteArray();
	}

	private static byte[] manifestBytes(Manifest manifest) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		manifest.write(bytes);
		return bytes.toByteArray();
	}

	private static void write(ZipOutputStream out, String name, byte[] content) throws IOException {
		ZipEntry entry = new ZipEntry(name);
		entry.setTime(FIXED_TIME);
		out.putNextEntry(entry);
		out.write(content);
		out.closeEntry();
	}

}
