package io.newshound.stack;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Finds a JDK of at least a given version on this machine, for Elasticsearch (which needs 21 or
 * newer while the default {@code java} may be 17). Looks, in this order, at {@code ES_JAVA_HOME},
 * at {@code JAVA_HOME}, then at every JDK in the usual install directories, preferring the newest.
 * A JDK is a directory with a {@code release} file naming its {@code JAVA_VERSION} and a
 * {@code bin/java}.
 */
public final class JdkLocator {

	private final Map<String, String> environment;

	private final List<Path> installDirectories;

	JdkLocator(Map<String, String> environment, List<Path> installDirectories) {
		this.environment = environment;
		this.installDirectories = installDirectories;
	}

	/** Looks at this process's environment and {@code /usr/lib/jvm}, {@code /usr/local}, {@code /opt}, SDKMAN. */
	public static JdkLocator onThisMachine() {
		Path home = Path.of(System.getProperty("user.home"));
		return new JdkLocator(System.getenv(), List.of(Path.of("/usr/lib/jvm"), Path.of("/usr/local"), Path.of("/opt"),
				home.resolve(".sdkman/candidates/java")));
	}

	/**
	 * The JDK to run {@code neededBy} with.
	 * @param minimumVersion the lowest feature version that will do, such as 21
	 * @param neededBy what needs it, for the error message, such as "Elasticsearch 9.2.4"
	 * @throws StackException if {@code ES_JAVA_HOME} is set to something else than a JDK that new,
	 * or if no JDK that new is found; the message says what to install
	 */
	public Jdk locate(int minimumVersion, String neededBy) {
		Optional<Path> esJavaHome = environmentPath("ES_JAVA_HOME");
		if (esJavaHome.isPresent()) {
			// an explicit choice: use it or say why not, never silently pick another JDK
			Path home = esJavaHome.get();
			return Jdk.at(home)
				.filter((jdk) -> jdk.version() >= minimumVersion)
				.orElseThrow(() -> new StackException("elasticsearch", neededBy + " needs a JDK " + minimumVersion
						+ " or newer, but ES_JAVA_HOME=" + home + " is " + describe(home) + "; point ES_JAVA_HOME at a JDK "
						+ minimumVersion + " or newer, or unset it"));
		}
		Optional<Jdk> javaHome = environmentPath("JAVA_HOME").flatMap(Jdk::at);
		if (javaHome.filter((jdk) -> jdk.version() >= minimumVersion).isPresent()) {
			return javaHome.get();
		}
		List<Jdk> installed = this.installDirectories.stream()
			.flatMap(JdkLocator::children)
			.map(Jdk::at)
			.flatMap(Optional::stream)
			.sorted(Comparator.comparingInt(Jdk::version).reversed().thenComparing(Jdk::home))
			.toList();
		return installed.stream()
			.filter((jdk) -> jdk.version() >= minimumVersion)
			.findFirst()
			.orElseThrow(() -> new StackException("elasticsearch", neededBy + " needs a JDK " + minimumVersion
					+ " or newer; none found in ES_JAVA_HOME, JAVA_HOME, "
					+ String.join(", ", this.installDirectories.stream().map(Path::toString).toList())
					+ foundInstead(Stream.concat(javaHome.stream(), installed.stream()).distinct().toList())
					+ ". Install one (Temurin " + minimumVersion + " or newer, or openjdk-" + minimumVersion
					+ "-jdk-headless where your distribution has it) or set ES_JAVA_HOME to one."));
	}

	private Optional<Path> environmentPath(String variable) {
		return Optional.ofNullable(this.environment.get(variable)).filter((value) -> !value.isBlank()).map(Path::of);
	}

	private static String describe(Path home) {
		return Jdk.at(home).map((jdk) -> "JDK " + jdk.version()).orElse("not a JDK (no release file or bin/java)");
	}

	private static String foundInstead(List<Jdk> found) {
		if (found.isEmpty()) {
			return "";
		}
		return " (found only " + String.join(", ", found.stream().map((jdk) -> "JDK " + jdk.version() + " at "
				+ jdk.home()).toList()) + ")";
	}

	private static Stream<Path> children(Path directory) {
		if (!Files.isDirectory(directory)) {
			return Stream.empty();
		}
		try (Stream<Path> children = Files.list(directory)) {
			return children.toList().stream();
		}
		catch (IOException ex) {
			return Stream.empty();
		}
	}

	/**
	 * A JDK installation.
	 * @param home the directory holding {@code release} and {@code bin/java}
	 * @param version the feature version, such as 21 for "21.0.2" and 8 for "1.8.0_392"
	 */
	public record Jdk(Path home, int version) {

		public Path java() {
			return this.home.resolve("bin").resolve("java");
		}

		static Optional<Jdk> at(Path home) {
			Path release = home.resolve("release");
			if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
				return Optional.empty();
			}
			Properties properties = new Properties();
			try (Reader reader = Files.newBufferedReader(release)) {
				properties.load(reader);
			}
			catch (IOException | IllegalArgumentException ex) {
				return Optional.empty();
			}
			return featureVersion(properties.getProperty("JAVA_VERSION", ""))
				.map((version) -> new Jdk(home.toAbsolutePath().normalize(), version));
		}

		/** {@code "21.0.2"} → 21, {@code "1.8.0_392"} → 8, {@code "25"} → 25; quotes are part of the value in release files. */
		static Optional<Integer> featureVersion(String javaVersion) {
			String version = javaVersion.replace("\"", "").trim();
			if (version.startsWith("1.")) {
				version = version.substring(2);
			}
			int end = 0;
			while (end < version.length() && Character.isDigit(version.charAt(end))) {
				end++;
			}
			return (end > 0) ? Optional.of(Integer.parseInt(version.substring(0, end))) : Optional.empty();
		}

	}

}
