package io.newshound.indexer.enrich;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newshound.events.ArticleEvent;
import io.newshound.events.ArticleIds;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** What the indexer adds to an article: tags, entities, evidence, language and reading time. */
class ArticleEnricherTests {

	private final ArticleEnricher enricher = new ArticleEnricher(
			new TaxonomyMatcher(Taxonomy.load(new ClassPathResource("taxonomy/ai-industry.yml")), 2),
			new LanguageDetection(List.of("en", "de", "fr")));

	/** Tags are the source's tags followed by the topics found, without duplicates. */
	@Test
	void tagsAreSourceTagsThenTopics() {
		Enrichment enrichment = this.enricher.enrich(article("Anthropic raises Series F at a record valuation",
				"Dario Amodei said the funding will pay for chips.", "en", List.of("ai-labs", "funding")));
		assertThat(enrichment.tags()).containsExactly("ai-labs", "funding");
		assertThat(enrichment.entities()).containsExactly("Anthropic", "Dario Amodei");
		assertThat(enrichment.evidence()).extracting(TagEvidence::name)
			.containsExactly("Anthropic", "funding", "Dario Amodei");
	}

	/** The event's language is kept even when the text looks otherwise. */
	@Test
	void keepsTheEventsLanguage() {
		assertThat(this.enricher.enrich(article("Ein Artikel", "Der Text ist auf Deutsch geschrieben worden.", "en",
				List.of())).language()).isEqualTo("en");
	}

	/** Without a language in the event, it is detected from title, summary and body. */
	@Test
	void detectsTheLanguageWhenTheEventHasNone() {
		assertThat(this.enricher.enrich(article("Neue KI-Modelle", "Die Forscher haben ein neues Sprachmodell "
				+ "vorgestellt, das deutlich besser ist als seine Vorgänger.", null, List.of())).language())
			.isEqualTo("de");
	}

	/**
	 * Reading time rounds up at 230 words a minute, one minute at least; a word is a run of letters and digits, so
	 * whitespace of any kind and punctuation separate words and count for nothing.
	 */
	@Test
	void readingTimeRoundsUpAt230WordsAMinute() {
		assertThat(readingMinutes("")).isEqualTo(1);
		assertThat(readingMinutes("word ".repeat(230))).isEqualTo(1);
		assertThat(readingMinutes("word ".repeat(231))).isEqualTo(2);
		assertThat(readingMinutes(" \n\t — ".repeat(500))).isEqualTo(1);
		assertThat(readingMinutes("\n  Crème\u2003brûlée,\t".repeat(115) + "x")).isEqualTo(2);
		assertThat(readingMinutes("\n  Crème\u2003brûlée,\t".repeat(115))).isEqualTo(1);
		assertThat(readingMinutes("GPT-4o ".repeat(115) + "x")).isEqualTo(2);
	}

	private int readingMinutes(String body) {
		return this.enricher.enrich(article("Title", body, "en", List.of())).readingMinutes();
	}

	private static ArticleEvent article(String title, String body, String language, List<String> tags) {
		String url = "https://enrich.example.test/" + title.hashCode();
		Instant now = Instant.parse("2026-11-20T10:00:00Z");
		return new ArticleEvent(1, ArticleIds.of(url), url, "test", title, body, null, List.of(), now, now, now,
				language, null, null, tags, "hash", null);
	}

}
