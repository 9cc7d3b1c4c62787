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

	/** Reading time rounds up at 230 words a minute, one minute at least. */
	@Test
	void readingTimeRoundsUp() {
		assertThat(ArticleDocument.readingMinutes("")).isEqualTo(1);
		assertThat(ArticleDocument.readingMinutes("word ".repeat(230))).isEqualTo(1);
		assertThat(ArticleDocument.readingMinutes("word ".repeat(231))).isEqualTo(2);
		assertThat(ArticleDocument.readingMinutes(" \n\t ".repeat(500))).isEqualTo(1);
		assertThat(ArticleDocument.readingMinutes("\n  Crème\u2003brûlée,\t".repeat(115) + "x")).isEqualTo(2);
		assertThat(ArticleDocument.readingMinutes("\n  Crème\u2003brûlée,\t".repeat(115))).isEqualTo(1);
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
