package io.newshound.events;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** What consumers do with events from newer producers and with bytes that are not events. */
class EventCompatibilityTests {

	private final EventDeserializer<ArticleEvent> deserializer = EventDeserializer.articles();

	@Test
	void newerSchemaVersionWithUnknownFieldsIsRead() {
		String json = new String(EventJson.write(EventFixtures.minimalArticle()), StandardCharsets.UTF_8)
			.replace("\"schemaVersion\":1", "\"schemaVersion\":2,\"sentiment\":{\"score\":0.4}");
		ArticleEvent event = this.deserializer.deserialize("news.articles.v1", json.getBytes(StandardCharsets.UTF_8));
		assertThat(event.schemaVersion()).isEqualTo(2);
		assertThat(event.title()).isEqualTo(EventFixtures.minimalArticle().title());
	}

	@Test
	void bytesThatAreNotJsonAreAMalformedEvent() {
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> this.deserializer.deserialize("news.articles.v1", "not json".getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.getEventType()).isEqualTo(ArticleEvent.class));
	}

	@Test
	void missingRequiredFieldIsAMalformedEventNamingTheField() {
		String json = "{\"schemaVersion\":1,\"articleId\":\"x\",\"url\":\"https://a.example/\",\"source\":\"s\","
				+ "\"title\":\"t\",\"updatedAt\":\"2026-11-20T10:00:00Z\",\"fetchedAt\":\"2026-11-20T10:00:00Z\","
				+ "\"contentHash\":\"h\"}";
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> this.deserializer.deserialize("news.articles.v1", json.getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.getReason()).contains("body"));
	}

	@Test
	void schemaVersionZeroIsRejected() {
		String json = new String(EventJson.write(EventFixtures.minimalArticle()), StandardCharsets.UTF_8)
			.replace("\"schemaVersion\":1", "\"schemaVersion\":0");
		assertThatExceptionOfType(MalformedEventException.class)
			.isThrownBy(() -> this.deserializer.deserialize("news.articles.v1", json.getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.getReason()).contains("schemaVersion"));
	}

	@Test
	void nullRecordValueStaysNull() {
		assertThat(this.deserializer.deserialize("news.articles.v1", null)).isNull();
		assertThat(new EventSerializer<ArticleEvent>().serialize("news.articles.v1", null)).isNull();
	}

}
