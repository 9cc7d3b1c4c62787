package io.newshound.indexer.enrich;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A text split into words the way the taxonomy matcher compares them: a word is a run of letters
 * and digits, so punctuation, hyphens and apostrophes separate words ({@code "OpenAI's"} is
 * {@code openai s}, {@code "GPT-4o"} is {@code gpt 4o}). Each word has two forms: with accents removed
 * and its case as written ({@link #folded}), and also lowercased ({@link #normalized}).
 *
 * <p>The words are positions in the folded text; their strings are made only when asked for, because the matcher
 * asks for few of them: an article body has a thousand words and mentions a handful of entries (bench figure 1
 * found the indexer spending a third of its time making strings of every word).
 */
final class Words {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private final String text;

	private final int[] starts;

	private final int[] ends;

	private final int size;

	private final String[] folded;

	private final String[] normalized;

	private Words(String text, int[] starts, int[] ends, int size) {
		this.text = text;
		this.starts = starts;
		this.ends = ends;
		this.size = size;
		this.folded = new String[size];
		this.normalized = new String[size];
	}

	static Words of(String text) {
		if (text == null || text.isEmpty()) {
			return new Words("", new int[0], new int[0], 0);
		}
		String folded = fold(text);
		int[] starts = new int[16];
		int[] ends = new int[16];
		int size = 0;
		int start = -1;
		for (int i = 0; i <= folded.length(); i++) {
			boolean wordChar = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
			if (wordChar && start < 0) {
				start = i;
			}
			else if (!wordChar && start >= 0) {
				if (size == starts.length) {
					starts = Arrays.copyOf(starts, size * 2);
					ends = Arrays.copyOf(ends, size * 2);
				}
				starts[size] = start;
				ends[size++] = i;
				start = -1;
			}
		}
		return new Words(folded, starts, ends, size);
	}

	/**
	 * Compatibility decomposition without the combining marks: "Crème" becomes "Creme", "ﬁ" becomes "fi". Only the
	 * pieces between ASCII whitespace that hold a non-ASCII character are decomposed: decomposition and the
	 * reordering of marks never reach across a whitespace character, so the result is the same as for the whole text.
	 */
	private static String fold(String text) {
		int first = firstNonAscii(text, 0, text.length());
		if (first < 0) {
			return text;
		}
		StringBuilder folded = new StringBuilder(text.length());
		int pieceStart = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || isAsciiWhitespace(text.charAt(i))) {
				if (firstNonAscii(text, pieceStart, i) < 0) {
					folded.append(text, pieceStart, i);
				}
				else {
					String piece = Normalizer.normalize(text.substring(pieceStart, i), Normalizer.Form.NFKD);
					folded.append(MARKS.matcher(piece).replaceAll(""));
				}
				if (i < text.length()) {
					folded.append(text.charAt(i));
				}
				pieceStart = i + 1;
			}
		}
		return folded.toString();
	}

	private static int firstNonAscii(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			if (text.charAt(i) >= 128) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isAsciiWhitespace(char c) {
		return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B;
	}

	int size() {
		return this.size;
	}

	String folded(int index) {
		String word = this.folded[index];
		if (word == null) {
			word = this.text.substring(this.starts[index], this.ends[index]);
			this.folded[index] = word;
		}
		return word;
	}

	String normalized(int index) {
		String word = this.normalized[index];
		if (word == null) {
			word = folded(index).toLowerCase(Locale.ROOT);
			this.normalized[index] = word;
		}
		return word;
	}

	/**
	 * {@code normalized(index).hashCode()}, computed without making the string when the word is ASCII; for a word
	 * with other characters, whose lowercase form may differ in length, the string is made.
	 */
	int normalizedHash(int index) {
		int hash = 0;
		for (int i = this.starts[index]; i < this.ends[index]; i++) {
			char c = this.text.charAt(i);
			if (c >= 128) {
				return normalized(index).hashCode();
			}
			hash = 31 * hash + ((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c);
		}
		return hash;
	}

}
