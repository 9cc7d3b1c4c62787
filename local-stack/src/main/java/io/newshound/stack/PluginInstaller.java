package io.newshound.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Installs plugin zips into an {@link ElasticsearchHome} with {@code bin/elasticsearch-plugin
 * install --batch}. A plugin is installed again only when its zip changed since the last install
 * (a plugin built in this reactor changes between builds while keeping its name); the SHA-256 of
 * the installed zip is kept in {@code <home>/installed-plugins/<name>.sha256}, outside
 * {@code plugins/}, where Elasticsearch accepts nothing but plugins.
 */
final class PluginInstaller {

	private static final String COMPONENT = "elasticsearch";

	private static final List<String> DESCRIPTORS = List.of("stable-plugin-descriptor.properties",
			"plugin-descriptor.properties");

	private final ElasticsearchHome home;

	private final Map<String, String> environment;

	private final Path logDirectory;

	/** {@code environment}: what the plugin tool needs to find its JDK (ES_JAVA_HOME). */
	PluginInstaller(ElasticsearchHome home, Map<String, String> environment, Path logDirectory) {
		this.home = home;
		this.environment = environment;
		this.logDirectory = logDirectory;
	}

	void install(Path zip, Progress progress) {
		if (!Files.isRegularFile(zip)) {
			throw new StackException(COMPONENT, "plugin zip " + zip + " does not exist; build it first");
		}
		String name = pluginName(zip);
		String checksum = sha256(zip);
		Path marker = this.home.directory().resolve("installed-plugins").resolve(name + ".sha256");
		if (checksum.equals(read(marker).orElse(null))) {
			return;
		}
		if (Files.isDirectory(this.home.directory().resolve("plugins").resolve(name))) {
			progress.report(COMPONENT + ": replacing plugin " + name + " with " + zip + "…");
			runTool(List.of("remove", name), name);
		}
		else {
			progress.report(COMPONENT + ": installing plugin " + name + " from " + zip + "…");
		}
		runTool(List.of("install", "--batch", zip.toAbsolutePath().toUri().toString()), name);
		write(marker, checksum);
	}

	private void runTool(List<String> arguments, String plugin) {
		ProcessBuilder builder = new ProcessBuilder(this.home.tool("elasticsearch-plugin").toString());
		builder.command().addAll(arguments);
		builder.environment().putAll(this.environment);
		builder.environment().remove("JAVA_HOME");
		ChildProcess.run(COMPONENT, builder, this.logDirectory.resolve("plugin-" + arguments.get(0) + "-" + plugin + ".log"),
				Duration.ofMinutes(2));
	}

	/** The {@code name} in the zip's (stable or classic) plugin descriptor. */
	private static String pluginName(Path zip) {
		try (ZipFile archive = new ZipFile(zip.toFile())) {
			for (String descriptor : DESCRIPTORS) {
				ZipEntry entry = archive.getEntry(descriptor);
				if (entry != null) {
					Properties properties = new Properties();
					try (InputStream in = archive.getInputStream(entry)) {
						properties.load(in);
					}
					String name = properties.getProperty("name", "").trim();
					if (!name.isEmpty()) {
						return name;
					}
				}
			}
		}
		catch (IOException ex) {
			throw new StackException(COMPONENT, "could not read plugin zip " + zip + ": " + ex.getMessage(), ex);
		}
		throw new StackException(COMPONENT, "plugin zip " + zip + " has no " + String.join(" or ", DESCRIPTORS)
				+ " with a name at its top level");
	}

	private static String sha256(Path file) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (IOException | NoSuchAlgorithmException ex) {
			throw new StackException(COMPONENT, "could not read plugin zip " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static Optional<String> read(Path marker) {
		try {
			return Files.isRegularFile(marker) ? Optional.of(Files.readString(marker).trim()) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	private static void write(Path marker, String checksum) {
		try {
			Files.createDirectories(marker.getParent());
			Files.writeString(marker, checksum);
		}
		catch (IOException ex) {
			throw new StackException(COMPONENT, "could not write " + marker + ": " + ex.getMessage(), ex);
		}
	}

}
