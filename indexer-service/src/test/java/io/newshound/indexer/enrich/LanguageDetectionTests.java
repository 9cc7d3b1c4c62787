package io.newshound.indexer.enrich;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Lingua in low-accuracy mode over the default candidate languages. */
class LanguageDetectionTests {

	private static final LanguageDetection DETECTION = new LanguageDetection(
			List.of("en", "de", "fr", "es", "it", "pt", "nl", "zh", "ja", "ko"));

	/** An article's worth of text is recognised in each of several candidate languages. */
	@Test
	void detectsTheLanguageOfArticleText() {
		assertThat(DETECTION.detect("OpenAI raised a new funding round led by investors in San Francisco."))
			.isEqualTo("en");
		assertThat(DETECTION.detect("Die Bundesregierung will die Förderung von künstlicher Intelligenz ausbauen."))
			.isEqualTo("de");
		assertThat(DETECTION.detect("Le gouvernement français annonce un plan pour l'intelligence artificielle."))
			.isEqualTo("fr");
		assertThat(DETECTION.detect("人工智能公司发布了新的大型语言模型，引起了广泛关注")).isEqualTo("zh");
	}

	/** A few words are too little to tell: no language rather than a guess. */
	@Test
	void tooShortTextHasNoLanguage() {
		assertThat(DETECTION.detect("GPT-5 short")).isNull();
	}

	/** A misconfigured candidate list fails at start with the offending code. */
	@Test
	void unknownCodeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new LanguageDetection(List.of("en", "xx")))
			.withMessageContaining("'xx'");
		assertThatIllegalArgumentException().isThrownBy(() -> new LanguageDetection(List.of("en")))
			.withMessageContaining("at least two");
	}

}
