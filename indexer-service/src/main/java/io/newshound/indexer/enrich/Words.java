package io.newshound.indexer.enrich;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A text split into words the way the taxonomy matcher compares them: a word is a run of letters
 * and digits, so punctuation, hyphens and apostrophes separate words ({@code "OpenAI's"} is
 * {@code openai s}, {@code "GPT-4o"} is {@code gpt 4o}). Each word is kept twice: with accents removed
 * and its case as written ({@link #folded}), and also lowercased ({@link #normalized}).
 */
final class Words {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private final String[] folded;

	private final String[] normalized;

	private Words(List<String> folded) {
		this.folded = folded.toArray(String[]::new);
		this.normalized = new String[this.folded.length];
		for (int i = 0; i < this.folded.length; i++) {
			this.normalized[i] = this.folded[i].toLowerCase(Locale.ROOT);
		}
	}

	static Words of(String text) {
		List<String> words = new ArrayList<>();
		if (text == null || text.isEmpty()) {
			return new Words(words);
		}
		String folded = fold(text);
		int start = -1;
		for (int i = 0; i < folded.length(); i++) {
			boolean wordChar = Character.isLetterOrDigit(folded.charAt(i));
			if (wordChar && start < 0) {
				start = i;
			}
			else if (!wordChar && start >= 0) {
				words.add(folded.substring(start, i));
				start = -1;
			}
		}
		if (start >= 0) {
			words.add(folded.substring(start));
		}
		return new Words(words);
	}

	/** Compatibility decomposition without the combining marks: "Crème" becomes "Creme", "ﬁ" becomes "fi". */
	private static String fold(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 128) {
				return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
			}
		}
		return text;
	}

	int size() {
		return this.folded.length;
	}

	String folded(int index) {
		return this.folded[index];
	}

	String normalized(int index) {
		return this.normalized[index];
	}

}
