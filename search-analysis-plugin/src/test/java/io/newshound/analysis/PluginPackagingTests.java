package io.newshound.analysis;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.elasticsearch.plugin.NamedComponent;
import org.elasticsearch.plugin.analysis.TokenFilterFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written files of the zip agree with the code, since no build step generates them. */
class PluginPackagingTests {

	private static final Path PLUGIN_FILES = Path.of("src/main/plugin");

	@Test
	void namedComponentsListEveryAnnotatedFilterUnderItsName() throws IOException, ClassNotFoundException {
		Map<String, Map<String, String>> listed = JsonMapper.builder()
			.build()
			.readValue(PLUGIN_FILES.resolve("named_components.json").toFile(), new TypeReference<>() {
			});
		assertThat(listed).containsOnlyKeys(TokenFilterFactory.class.getName());

		Map<String, String> annotated = new HashMap<>();
		Path classes = Path.of(AiSynonymsFilterFactory.class.getProtectionDomain().getCodeSource().getLocation().getPath());
		try (Stream<Path> files = Files.walk(classes)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".class")).toList()) {
				String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
				Class<?> type = Class.forName(name);
				NamedComponent component = type.getAnnotation(NamedComponent.class);
				if (component != null) {
					assertThat(type).isAssignableTo(TokenFilterFactory.class);
					annotated.put(component.value(), name);
				}
			}
		}
		assertThat(listed.get(TokenFilterFactory.class.getName())).isEqualTo(annotated)
			.containsOnlyKeys("newshound_english_possessive", "newshound_ascii_folding", "newshound_english_stem",
					"newshound_ai_synonyms");
	}

	@Test
	void descriptorHasOnlyTheKeysOfAStablePlugin() throws IOException {
		Properties descriptor = new Properties();
		try (Reader reader = Files.newBufferedReader(PLUGIN_FILES.resolve("stable-plugin-descriptor.properties"))) {
			descriptor.load(reader);
		}
		assertThat(descriptor.stringPropertyNames()).containsExactlyInAnyOrder("name", "description", "version",
				"java.version", "elasticsearch.version");
	}

}
