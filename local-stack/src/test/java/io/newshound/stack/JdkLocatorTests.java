package io.newshound.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JdkLocatorTests {

	@TempDir
	Path machine;

	/** ES_JAVA_HOME is the user's explicit choice and wins over a newer JDK elsewhere. */
	@Test
	void prefersEsJavaHome() throws IOException {
		Path chosen = fakeJdk("chosen/jdk-21", "21.0.2");
		fakeJdk("jvm/jdk-25", "25.0.3");

		JdkLocator.Jdk jdk = locator(Map.of("ES_JAVA_HOME", chosen.toString(), "JAVA_HOME", chosen.toString()))
			.locate(21, "Elasticsearch 9.2.4");

		assertThat(jdk).isEqualTo(new JdkLocator.Jdk(chosen, 21));
		assertThat(jdk.java()).isEqualTo(chosen.resolve("bin/java"));
	}

	/** A wrong ES_JAVA_HOME is reported, not silently replaced by another JDK. */
	@Test
	void rejectsAnEsJavaHomeThatIsTooOld() throws IOException {
		Path old = fakeJdk("old/jdk-17", "17.0.15");
		fakeJdk("jvm/jdk-25", "25.0.3");

		assertThatExceptionOfType(StackException.class)
			.isThrownBy(() -> locator(Map.of("ES_JAVA_HOME", old.toString())).locate(21, "Elasticsearch 9.2.4"))
			.withMessage("elasticsearch: Elasticsearch 9.2.4 needs a JDK 21 or newer, but ES_JAVA_HOME=" + old
					+ " is JDK 17; point ES_JAVA_HOME at a JDK 21 or newer, or unset it");
	}

	/** JAVA_HOME is used when it is new enough, even if a newer JDK is installed. */
	@Test
	void usesJavaHomeWhenNewEnough() throws IOException {
		Path javaHome = fakeJdk("home/jdk-21", "21.0.5");
		fakeJdk("jvm/jdk-25", "25.0.3");

		assertThat(locator(Map.of("JAVA_HOME", javaHome.toString())).locate(21, "Elasticsearch").home())
			.isEqualTo(javaHome);
	}

	/** A JAVA_HOME of 17, as on our machines, sends the search on to the install directories, newest first. */
	@Test
	void fallsBackToTheNewestInstalledJdk() throws IOException {
		Path javaHome = fakeJdk("jvm/java-17-openjdk-amd64", "17.0.15");
		fakeJdk("jvm/jdk-21", "21.0.2");
		Path newest = fakeJdk("opt/temurin-25-jdk-amd64", "25.0.3");
		Files.createDirectories(this.machine.resolve("opt/not-a-jdk"));

		assertThat(locator(Map.of("JAVA_HOME", javaHome.toString())).locate(21, "Elasticsearch"))
			.isEqualTo(new JdkLocator.Jdk(newest, 25));
	}

	@Test
	void readsOldStyleAndBareVersions() {
		assertThat(JdkLocator.Jdk.featureVersion("\"1.8.0_392\"")).contains(8);
		assertThat(JdkLocator.Jdk.featureVersion("\"25\"")).contains(25);
		assertThat(JdkLocator.Jdk.featureVersion("\"21-ea\"")).contains(21);
		assertThat(JdkLocator.Jdk.featureVersion("")).isEmpty();
	}

	/** The message names every place searched, what was found, and what to install. */
	@Test
	void saysWhatToInstallWhenNothingIsNewEnough() throws IOException {
		Path old = fakeJdk("jvm/java-17-openjdk-amd64", "17.0.15");

		assertThatExceptionOfType(StackException.class)
			.isThrownBy(() -> locator(Map.of()).locate(21, "Elasticsearch 9.2.4"))
			.satisfies((ex) -> assertThat(ex.component()).isEqualTo("elasticsearch"))
			.withMessage("elasticsearch: Elasticsearch 9.2.4 needs a JDK 21 or newer; none found in ES_JAVA_HOME,"
					+ " JAVA_HOME, " + this.machine.resolve("jvm") + ", " + this.machine.resolve("opt")
					+ " (found only JDK 17 at " + old + "). Install one (Temurin 21 or newer, or"
					+ " openjdk-21-jdk-headless where your distribution has it) or set ES_JAVA_HOME to one.");
	}

	private JdkLocator locator(Map<String, String> environment) {
		return new JdkLocator(environment, List.of(this.machine.resolve("jvm"), this.machine.resolve("opt")));
	}

	private Path fakeJdk(String relativePath, String javaVersion) throws IOException {
		Path home = Files.createDirectories(this.machine.resolve(relativePath));
		Files.writeString(home.resolve("release"),
				"IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + javaVersion + "\"\nOS_NAME=\"Linux\"\n");
		Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
		Files.writeString(java, "#!/bin/sh\n");
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
		return home;
	}

}
