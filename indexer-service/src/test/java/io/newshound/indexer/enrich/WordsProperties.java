package io.newshound.indexer.enrich;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.newshound.testing.Gen;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Words} folds only the pieces of a text that need it and makes a word's strings on demand; these generated
 * texts (accents, combining marks, ligatures, full-width and non-Latin letters, every kind of whitespace and
 * punctuation) check that it splits, folds, lowercases and hashes exactly as folding the whole text at once does.
 */
class WordsProperties {

	private static final Gen<Character> CHARS = Gen.frequency(Gen.weight(6, Gen.alphaNumeric()),
			Gen.weight(3, Gen.charsOf(" \n\t\r\f\u000B.,;:'\"-()!?’—“”…")),
			Gen.weight(2, Gen.charsOf("éèÉçÇñÑüÜøØßæÆİıŁłǅ\u0301\u0308\u0327ﬁﬂＡＢｃ１２Ωωσς中文ÀÅ½²\u00A0\u2003\u200B")),
			Gen.weight(1, Gen.anyChar()));

	@TestFactory
	Stream<DynamicTest> wordsAreThoseOfTheWholeTextFolded() {
		return Gen.forAll(3000, Gen.strings(CHARS, 0, 80), (text) -> {
			List<String> expected = reference(text);
			Words words = Words.of(text);
			for (int i = 0; i < words.size(); i++) {
				// compared before any string is made, then after
				String normalized = expected.get(i).toLowerCase(Locale.ROOT);
				assertThat(words.normalizedHash(i)).isEqualTo(normalized.hashCode());
				assertThat(words.normalizedEquals(i, normalized)).isTrue();
				assertThat(words.normalizedEquals(i, normalized + "a")).isFalse();
				assertThat(words.foldedEquals(i, expected.get(i))).isTrue();
				assertThat(words.normalized(i)).isEqualTo(normalized);
			}
			assertThat(IntStream.range(0, words.size()).mapToObj(words::folded).toList()).isEqualTo(expected);
		});
	}

	/** Decomposition can make a text longer than it was ("ﬁ" is two letters), by more than any slack kept for it. */
	@Test
	void foldedTextGrowsPastItsLength() {
		Words words = Words.of("x " + "ﬁ".repeat(100) + " é");
		assertThat(IntStream.range(0, words.size()).mapToObj(words::folded).toList())
			.containsExactly("x", "fi".repeat(100), "e");
	}

	/** The hash needs no string for an ASCII word, and still agrees with the string's. */
	@TestFactory
	Stream<DynamicTest> asciiHashesAgreeBeforeAnyStringIsMade() {
		return Gen.forAll(500, Gen.strings(Gen.charsOf("aZ09 -.Qx"), 0, 40), (text) -> {
			Words words = Words.of(text);
			for (int i = 0; i < words.size(); i++) {
				int hash = words.normalizedHash(i);
				assertThat(hash).isEqualTo(words.normalized(i).hashCode());
				assertThat(words.normalizedEquals(i, words.normalized(i).toUpperCase(Locale.ROOT)))
					.isEqualTo(words.normalized(i).chars().noneMatch(Character::isLetter));
			}
		});
	}

	/** The whole text decomposed at once, marks removed, then split at every character not a letter or digit. */
	private static List<String> reference(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		List<String> words = new ArrayList<>();
		int start = -1;
		for (int i = 0; i <= folded.length(); i++) {
			boolean wordChar = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
			if (wordChar && start < 0) {
				start = i;
			}
			else if (!wordChar && start >= 0) {
				words.add(folded.substring(start, i));
				start = -1;
			}
		}
		return words;
	}

}
