package io.newshound.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Pins the wire format of every event: what a producer writes must equal the golden file, the
 * golden file must read back to the same record, and both must satisfy the published JSON Schema.
 * A failure here means the contract changed: follow the evolution rule in {@link ArticleEvent}.
 */
class WireFormatGoldenTests {

	private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(builder) -> builder.schemaIdResolvers(
					(resolvers) -> resolvers.mapPrefix("https://newshound.io/schemas/", "classpath:schemas/")));

	@ParameterizedTest(name = "{0} is written exactly as golden/{1}")
	@CsvSource({ "full, news.articles.v1.json", "minimal, news.articles.v1.minimal.json",
			"indexed, news.indexed.v1.json" })
	void producersWriteTheGoldenBytes(String fixture, String golden) throws IOException {
		JsonNode written = EventJson.mapper().readTree(EventJson.write(event(fixture)));
		assertThat(written).isEqualTo(EventJson.mapper().readTree(golden(golden)));
	}

	@ParameterizedTest(name = "golden/{1} reads back to the {0} record")
	@CsvSource({ "full, news.articles.v1.json", "minimal, news.articles.v1.minimal.json",
			"indexed, news.indexed.v1.json" })
	void goldenFilesReadBackToTheRecords(String fixture, String golden) throws IOException {
		Object expected = event(fixture);
		assertThat(EventJson.read(golden(golden), expected.getClass())).isEqualTo(expected);
	}

	@ParameterizedTest(name = "golden/{0} satisfies schemas/{1}")
	@CsvSource({ "news.articles.v1.json, news.articles.v1.schema.json",
			"news.articles.v1.minimal.json, news.articles.v1.schema.json",
			"news.indexed.v1.json, news.indexed.v1.schema.json" })
	void goldenFilesSatisfyTheirSchema(String golden, String schema) throws IOException {
		assertThat(validate(schema, golden(golden))).isEmpty();
	}

	@Test
	void schemaRejectsAnArticleWithoutBody() throws IOException {
		String json = new String(golden("news.articles.v1.minimal.json"), StandardCharsets.UTF_8)
			.replaceFirst("\"body\"\\s*:\\s*\"[^\"]*\",", "");
		assertThat(validate("news.articles.v1.schema.json", json.getBytes(StandardCharsets.UTF_8)))
			.extracting(Error::getMessage)
			.anySatisfy((message) -> assertThat(message).contains("body"));
	}

	@ParameterizedTest(name = "an announcement made from the {0} article's bytes is the event's bytes")
	@CsvSource({ "full", "minimal" })
	void announcementFromArticleBytesIsWrittenAsTheEvent(String fixture) {
		ArticleEvent article = (ArticleEvent) event(fixture);
		ArticleIndexedEvent event = new ArticleIndexedEvent(1, article.articleId(), "news-articles-v1", 1763632800000L,
				Instant.parse("2026-11-20T10:05:13Z"), article);
		byte[] announcement = EventJson.writeIndexed(event.articleId(), event.index(), event.version(),
				event.indexedAt(), EventJson.write(article));
		assertThat(announcement).isEqualTo(EventJson.write(event));
		assertThat(EventJson.read(announcement, ArticleIndexedEvent.class)).isEqualTo(event);
	}

	@Test
	void announcementPassesFieldsOfANewerArticleThrough() throws IOException {
		String newer = new String(golden("news.articles.v1.json"), StandardCharsets.UTF_8).trim()
			.replaceFirst("}$", ", \"sentiment\": {\"label\": \"positive\"}\n}");
		byte[] announcement = EventJson.writeIndexed("5a9965332417752f92e9aabc37b05a8b", "news-articles-v1", 7,
				Instant.parse("2026-11-20T10:05:13Z"), newer.getBytes(StandardCharsets.UTF_8));
		assertThat(EventJson.mapper().readTree(announcement).at("/article/sentiment/label").asString())
			.isEqualTo("positive");
		assertThat(EventJson.read(announcement, ArticleIndexedEvent.class).article())
			.isEqualTo(EventFixtures.fullArticle());
		assertThat(validate("news.indexed.v1.schema.json", announcement)).isEmpty();
	}

	/** What the indexer announces is spliced from bytes that read accepted, so read must accept one object only. */
	@Test
	void readRefusesContentAfterTheEvent() throws IOException {
		byte[] article = golden("news.articles.v1.minimal.json");
		byte[] trailing = (new String(article, StandardCharsets.UTF_8) + " {}").getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> EventJson.read(trailing, ArticleEvent.class));
	}

	@Test
	void articleIdIsPinnedToSha256OfTheCanonicalUrl() {
		assertThat(ArticleIds.of(EventFixtures.URL)).isEqualTo("5a9965332417752f92e9aabc37b05a8b");
	}

	private static List<Error> validate(String schema, byte[] json) {
		Schema jsonSchema = SCHEMAS.getSchema(SchemaLocation.of("https://newshound.io/schemas/" + schema));
		return jsonSchema.validate(EventJson.mapper().readTree(json));
	}

	private static Object event(String fixture) {
		return switch (fixture) {
			case "full" -> EventFixtures.fullArticle();
			case "minimal" -> EventFixtures.minimalArticle();
			case "indexed" -> EventFixtures.indexed();
			default -> throw new IllegalArgumentException(fixture);
		};
	}

	private static byte[] golden(String name) throws IOException {
		try (InputStream in = WireFormatGoldenTests.class.getResourceAsStream("/golden/" + name)) {
			assertThat(in).as("golden file %s", name).isNotNull();
			return in.readAllBytes();
		}
	}

}
