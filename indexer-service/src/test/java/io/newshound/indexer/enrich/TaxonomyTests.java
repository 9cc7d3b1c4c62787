package io.newshound.indexer.enrich;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The bundled taxonomy file, and what a broken one is told. */
class TaxonomyTests {

	/** The bundled file loads and covers the industry: over 100 entries of every kind, the main names and topics. */
	@Test
	void bundledTaxonomyCoversTheIndustry() {
		Taxonomy taxonomy = Taxonomy.load(new ClassPathResource("taxonomy/ai-industry.yml"));
		assertThat(taxonomy.entries()).hasSizeGreaterThanOrEqualTo(100);
		Map<Kind, List<String>> names = taxonomy.entries()
			.stream()
			.collect(Collectors.groupingBy(Taxonomy.Entry::kind,
					Collectors.mapping(Taxonomy.Entry::name, Collectors.toList())));
		assertThat(names.get(Kind.COMPANY)).contains("OpenAI", "Anthropic", "Microsoft", "Nvidia", "AMD", "Intel",
				"TSMC", "Mistral AI", "Cohere", "xAI", "Hugging Face", "Stability AI", "Perplexity", "DeepSeek",
				"Alibaba", "Apple", "Amazon", "IBM", "Salesforce", "Databricks", "Scale AI", "CoreWeave");
		assertThat(names.get(Kind.LAB)).contains("Google DeepMind", "Meta AI");
		assertThat(names.get(Kind.MODEL)).contains("GPT-4o", "GPT-5", "o3", "Claude", "Gemini", "Llama",
				"Mistral Large", "Grok", "Qwen", "DeepSeek-V3", "DeepSeek-R1");
		assertThat(names.get(Kind.PERSON)).contains("Sam Altman", "Dario Amodei", "Demis Hassabis", "Jensen Huang",
				"Satya Nadella", "Sundar Pichai", "Mark Zuckerberg", "Elon Musk", "Yann LeCun", "Mustafa Suleyman",
				"Lisa Su");
		assertThat(names.get(Kind.TOPIC)).contains("funding", "regulation", "chips", "lawsuits", "research",
				"product-launches", "partnerships", "safety", "open-source", "acquisitions", "layoffs-hiring",
				"earnings");
	}

	/** One spelling for two entries would make a tag depend on file order: the file is refused, naming both. */
	@Test
	void spellingSharedByTwoEntriesIsRefused() {
		assertThatExceptionOfType(InvalidTaxonomyException.class).isThrownBy(() -> load("""
				entries:
				  - name: Meta
				    kind: company
				    aliases: [Facebook]
				  - name: Facebook AI
				    kind: lab
				    aliases: [facebook]
				""")).withMessageContaining("'facebook'").withMessageContaining("'Meta'").withMessageContaining("'Facebook AI'");
	}

	/** An unknown kind is refused with the entry and the kinds there are. */
	@Test
	void unknownKindIsRefused() {
		assertThatExceptionOfType(InvalidTaxonomyException.class).isThrownBy(() -> load("""
				entries:
				  - name: OpenAI
				    kind: startup
				""")).withMessageContaining("entry 1 ('OpenAI') has kind 'startup'")
			.withMessageContaining("company, lab, model, person or topic");
	}

	/** A misspelt key is refused rather than silently ignored. */
	@Test
	void unknownKeyIsRefused() {
		assertThatExceptionOfType(InvalidTaxonomyException.class).isThrownBy(() -> load("""
				entries:
				  - name: OpenAI
				    kind: company
				    alias: [Open AI]
				""")).withMessageContaining("alias");
	}

	/** The same name twice is refused. */
	@Test
	void duplicateNameIsRefused() {
		assertThatExceptionOfType(InvalidTaxonomyException.class).isThrownBy(() -> load("""
				entries:
				  - name: OpenAI
				    kind: company
				  - name: OpenAI
				    kind: lab
				""")).withMessageContaining("names 'OpenAI' twice");
	}

	private static Taxonomy load(String yaml) {
		return Taxonomy.load(new ByteArrayResource(yaml.getBytes(), "test taxonomy"));
	}

}
