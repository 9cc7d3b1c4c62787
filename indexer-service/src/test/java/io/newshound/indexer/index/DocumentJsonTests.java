package io.newshound.indexer.index;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.newshound.events.ArticleEvent;
import io.newshound.events.EventJson;
import io.newshound.indexer.enrich.Enrichment;
import io.newshound.indexer.enrich.TagEvidence;

import static org.assertj.core.api.Assertions.assertThat;

/** A document written with its body copied from the event's JSON says what the client's mapper would have said. */
class DocumentJsonTests {

	private static final String BODY = "He said \"ship it\" \\ then left.\nTabs\there, a \u0001 control, café — "
			+ "naïve 😀 and a line separator \u2028 too; </script> & <b>.";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final DocumentJson documents = new DocumentJson(new Jackson3JsonpMapper());

	/** Quotes, backslashes, control characters, accents, emoji: the same document as the mapper writes it. */
	@Test
	void bodyFromTheEventMeansTheSameAsTheMappersOwn() {
		ArticleEvent article = article(BODY);
		byte[] event = EventJson.write(article);
		ArticleDocument document = document(article);

		byte[] json = this.documents.write(document, event);

		assertThat(tree(json)).isEqualTo(tree(this.documents.serialize(document)));
		assertThat(tree(json).path("body").asString()).isEqualTo(BODY);
	}

	/**
	 * The body's bytes are the event's, not encoded again: an event that escapes a letter as a Unicode escape, spaced out
	 * and with the body last, keeps those escapes in the document, which still reads as the same text.
	 */
	@Test
	void bodyBytesAreCopiedFromTheEvent() {
		ArticleEvent article = article("AI \"labs\"");
		ObjectNode withoutBody = (ObjectNode) JSON.readTree(EventJson.write(article));
		withoutBody.remove("body");
		String others = JSON.writeValueAsString(withoutBody);
		String respaced = others.substring(0, others.length() - 1) + " ,\n  \"body\" :  \"\\u0041I \\\"labs\\\"\"\n}";
		assertThat(EventJson.read(respaced.getBytes(StandardCharsets.UTF_8), ArticleEvent.class)).isEqualTo(article);

		byte[] json = this.documents.write(document(article), respaced.getBytes(StandardCharsets.UTF_8));

		assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"body\":\"\\u0041I \\\"labs\\\"\"");
		assertThat(tree(json)).isEqualTo(tree(this.documents.serialize(document(article))));
	}

	/** An event that names its body twice is written whole, from the decoded article. */
	@Test
	void eventWithTwoBodiesIsWrittenWhole() {
		ArticleEvent article = article("the second body");
		String event = new String(EventJson.write(article), StandardCharsets.UTF_8);
		// spelled differently from the mapper's own, so that copying either body would show
		String twice = "{\"body\":\"the first body\"," + event.substring(1, event.length() - 1)
				+ ",\"body\":\"\\u0074he second body\"}";

		byte[] json = this.documents.write(document(article), twice.getBytes(StandardCharsets.UTF_8));

		assertThat(json).isEqualTo(this.documents.serialize(document(article)));
	}

	/** The body string's bounds, quotes included; none when there is no single top-level string body. */
	@Test
	void findsTheTopLevelBodyStringOnly() {
		byte[] nested = "{\"meta\":{\"body\":\"inner\"},\"tags\":[\"body\"],\"body\":\"outer \\\"q\\\"\"}"
			.getBytes(StandardCharsets.UTF_8);
		int[] bounds = DocumentJson.bodyString(nested);
		assertThat(new String(nested, bounds[0], bounds[1] - bounds[0], StandardCharsets.UTF_8))
			.isEqualTo("\"outer \\\"q\\\"\"");
		assertThat(bounds("{\"title\":\"body\",\"n\":[1,{\"x\":\"}]\"}],\"body\" :\n \"{[\\\\\\\"]}\" }"))
			.isEqualTo("\"{[\\\\\\\"]}\"");
		assertThat(DocumentJson.bodyString("{\"b\\u006fdy\":\"x\",\"body\":\"y\"}".getBytes(StandardCharsets.UTF_8)))
			.isNull();
		assertThat(DocumentJson.bodyString("{\"body\":null}".getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(DocumentJson.bodyString("{\"title\":\"no body\"}".getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(DocumentJson.bodyString("[\"body\"]".getBytes(StandardCharsets.UTF_8))).isNull();
		assertThat(DocumentJson.bodyString("{\"body\":\"unterminated".getBytes(StandardCharsets.UTF_8))).isNull();
	}

	private static String bounds(String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		int[] bounds = DocumentJson.bodyString(bytes);
		return new String(bytes, bounds[0], bounds[1] - bounds[0], StandardCharsets.UTF_8);
	}

	private static ArticleEvent article(String body) {
		Instant at = Instant.parse("2026-11-20T10:00:00Z");
		return new ArticleEvent(1, "a1b2c3", "https://news.example.test/a", "example", "Title with \"quotes\" — and more",
				body, "A summary.", List.of("Ada Lovelace"), at, at, at, "en", null, "Example News", List.of("ai"),
				"hash", null);
	}

	private static ArticleDocument document(ArticleEvent article) {
		Enrichment enrichment = new Enrichment(List.of("ai", "funding"), List.of("OpenAI"),
				List.of(new TagEvidence("OpenAI", "company", List.of("openai"), 2, List.of("body", "title"))), "en", 3);
		return ArticleDocument.of(article, enrichment, Instant.parse("2026-11-20T10:00:05Z"));
	}

	private static JsonNode tree(byte[] json) {
		return JSON.readTree(json);
	}

}
