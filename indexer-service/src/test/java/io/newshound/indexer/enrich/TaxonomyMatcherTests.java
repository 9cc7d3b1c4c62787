package io.newshound.indexer.enrich;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The matcher over the bundled taxonomy: what it finds, what it must not, and how it explains itself. */
class TaxonomyMatcherTests {

	private static final Taxonomy TAXONOMY = Taxonomy.load(new ClassPathResource("taxonomy/ai-industry.yml"));

	private final TaxonomyMatcher matcher = new TaxonomyMatcher(TAXONOMY, 2);

	/** Companies, models and people are found by name and alias, ignoring case, accents and possessives. */
	@Test
	void findsEntitiesByNameAndAliasIgnoringCaseAccentsAndPossessives() {
		TaxonomyMatcher.Matches matches = this.matcher.match("OPENAI's GPT-4o beats Claude",
				"Interview with Clement Delangue of HuggingFace",
				"Jensen Huang said Nvidia's H100 supply improved; Sam Altman agreed.");
		assertThat(matches.entities()).containsExactly("OpenAI", "GPT-4o", "Claude", "Clément Delangue",
				"Hugging Face", "Jensen Huang", "Nvidia", "Sam Altman");
	}

	/** Names are matched as whole words: Metadata is not Meta, "openaiwatch" is not OpenAI. */
	@Test
	void matchesWholeWordsOnly() {
		TaxonomyMatcher.Matches matches = this.matcher.match("Metadata standards",
				"A look at openaiwatch and Amazonian forests", "Intelligence agencies and the Metaverse");
		assertThat(matches.entities()).isEmpty();
		assertThat(matches.evidence()).isEmpty();
	}

	/** Names that are ordinary words count only with their capitalisation: apple pie, a meta discussion, to grok. */
	@Test
	void caseSensitiveSpellingsIgnoreOrdinaryWords() {
		TaxonomyMatcher.Matches ordinary = this.matcher.match("An apple pie recipe",
				"A meta discussion about the amazon river", "Hard to grok, said the intel analyst.");
		assertThat(ordinary.entities()).isEmpty();

		TaxonomyMatcher.Matches named = this.matcher.match("Apple and Meta talk to Amazon", null,
				"Grok runs on Intel chips.");
		assertThat(named.entities()).containsExactly("Apple", "Meta", "Amazon", "Grok", "Intel");
	}

	/** The longest spelling wins: "Google DeepMind" is the lab, "Meta AI" not also Meta, "Mistral Large" the model. */
	@Test
	void longestSpellingWins() {
		TaxonomyMatcher.Matches matches = this.matcher.match("Google DeepMind and Meta AI compare notes", null,
				"Mistral Large is Mistral's flagship.");
		assertThat(matches.entities()).containsExactly("Google DeepMind", "Meta AI", "Mistral Large", "Mistral AI");
	}

	/** A topic named in the title is a tag even with a single mention. */
	@Test
	void topicInTheTitleIsATag() {
		TaxonomyMatcher.Matches matches = this.matcher.match("Anthropic closes Series F", null,
				"The company did not comment.");
		assertThat(matches.topics()).containsExactly("funding");
	}

	/** A topic mentioned twice in summary and body is a tag; mentioned once in passing, it is not. */
	@Test
	void topicNeedsTwoMentionsOutsideTheTitle() {
		TaxonomyMatcher.Matches twice = this.matcher.match("Start-up news", "The valuation doubled.",
				"Investors joined the funding round.");
		assertThat(twice.topics()).containsExactly("funding");

		TaxonomyMatcher.Matches once = this.matcher.match("A new reasoning model", null,
				"It was trained on a large cluster of GPUs and tested on maths problems.");
		assertThat(once.topics()).isEmpty();
		assertThat(once.evidence()).noneMatch((evidence) -> evidence.kind().equals("topic"));
	}

	/** The evidence says, for each tag and entity, which spellings triggered it, how often and where. */
	@Test
	void explainsEveryTagAndEntity() {
		TaxonomyMatcher.Matches matches = this.matcher.match("Nvidia unveils new chips",
				"The chipmaker's Blackwell GPUs", "Nvidia said the GPUs ship this year.");
		assertThat(matches.topics()).containsExactly("product-launches", "chips");
		assertThat(matches.evidence()).containsExactly(
				new TagEvidence("Nvidia", "company", List.of("Nvidia"), 2, List.of("title", "body")),
				new TagEvidence("product-launches", "topic", List.of("unveils"), 1, List.of("title")),
				new TagEvidence("chips", "topic", List.of("chips", "chipmaker", "Blackwell", "GPUs"), 5,
						List.of("title", "summary", "body")));
	}

	/** The threshold is configurable: with 3, two mentions outside the title are not enough. */
	@Test
	void thresholdIsConfigurable() {
		TaxonomyMatcher strict = new TaxonomyMatcher(TAXONOMY, 3);
		assertThat(strict.match("Start-up news", "The valuation doubled.", "Investors joined the funding round.")
			.topics()).isEmpty();
	}

}
