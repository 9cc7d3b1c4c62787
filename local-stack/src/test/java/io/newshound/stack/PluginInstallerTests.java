package io.newshound.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Runs the distribution's real plugin tool against an unpacked home; no node starts. */
class PluginInstallerTests {

	@TempDir
	Path dataDirectory;

	/** Installed once, skipped while unchanged, replaced when a rebuild changed the zip. */
	@Test
	void installsAPluginAgainOnlyWhenItsZipChanged() throws IOException {
		List<String> progress = new ArrayList<>();
		PluginInstaller installer = installer(progress);
		Path zips = Files.createDirectories(this.dataDirectory.resolve("zips"));

		installer.install(TestPlugins.emptyStablePlugin(zips, "test-plugin", "first build"), progress::add);
		installer.install(TestPlugins.emptyStablePlugin(zips, "test-plugin", "first build"), progress::add);
		installer.install(TestPlugins.emptyStablePlugin(zips, "test-plugin", "second build"), progress::add);

		assertThat(progress).hasSize(3);
		assertThat(progress.get(1)).startsWith("elasticsearch: installing plugin test-plugin from ");
		assertThat(progress.get(2)).startsWith("elasticsearch: replacing plugin test-plugin with ");
		assertThat(this.dataDirectory.resolve("elasticsearch-" + ElasticsearchNode.version()
				+ "/plugins/test-plugin/stable-plugin-descriptor.properties")).content().contains("second build");
	}

	@Test
	void refusesAZipWithoutADescriptor() throws IOException {
		Path notAPlugin = Files.write(this.dataDirectory.resolve("not-a-plugin.zip"), new byte[] { 'P', 'K', 5, 6,
				0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });

		assertThatExceptionOfType(StackException.class)
			.isThrownBy(() -> installer(new ArrayList<>()).install(notAPlugin, (line) -> {
			}))
			.withMessage("elasticsearch: plugin zip " + notAPlugin + " has no stable-plugin-descriptor.properties or"
					+ " plugin-descriptor.properties with a name at its top level");
	}

	private PluginInstaller installer(List<String> progress) {
		StackArtifacts artifacts = StackArtifacts.recordedByTheBuild();
		ElasticsearchHome home = ElasticsearchHome.unpackedOnce(artifacts.requireElasticsearchZip(),
				artifacts.elasticsearchVersion(), this.dataDirectory, progress::add);
		JdkLocator.Jdk jdk = JdkLocator.onThisMachine().locate(21, "the plugin tool");
		return new PluginInstaller(home, Map.of("ES_JAVA_HOME", jdk.home().toString()), this.dataDirectory);
	}

}
