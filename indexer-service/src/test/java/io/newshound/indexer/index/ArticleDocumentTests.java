package io.newshound.indexer.index;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.newshound.indexer.enrich.TagEvidence;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The document record and the strict mapping of the template stay in step. */
class ArticleDocumentTests {

	/** Every field of the document is mapped and every mapped field is in the document: strict mapping refuses the rest. */
	@Test
	void documentAndMappingHaveTheSameFields() throws Exception {
		JsonNode properties = mapping().path("properties");
		assertThat(fieldNames(properties)).isEqualTo(componentNames(ArticleDocument.class));
		assertThat(fieldNames(properties.path("evidence").path("properties")))
			.isEqualTo(componentNames(TagEvidence.class));
	}

	/** The template puts a custom alias's indices under its own pattern. */
	@Test
	void templateMatchesTheIndicesOfItsAlias() throws Exception {
		assertThat(ArticleIndexSetup.template("custom").path("index_patterns").toString()).isEqualTo("[\"custom-v*\"]");
	}

	private static JsonNode mapping() throws Exception {
		try (InputStream in = new ClassPathResource(ArticleIndexSetup.TEMPLATE).getInputStream()) {
			return JsonMapper.builder().build().readTree(in).path("template").path("mappings");
		}
	}

	private static Set<String> fieldNames(JsonNode properties) {
		return new LinkedHashSet<>(properties.propertyNames());
	}

	private static Set<String> componentNames(Class<? extends Record> type) {
		return new LinkedHashSet<>(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
	}

}
