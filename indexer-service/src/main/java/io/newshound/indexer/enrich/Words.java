package io.newshound.indexer.enrich;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.BitSet;
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

	/** Each ASCII character's lowercase form when it is a letter or digit, else 0 (a separator). */
	private static final char[] ASCII_WORD_LOWER = new char[128];

	static {
		for (char c = 0; c < 128; c++) {
			ASCII_WORD_LOWER[c] = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
		}
	}

	/** The folded text, read from an array: {@link String#charAt} checked bounds and coder at every character. */
	private final char[] text;

	private final int[] starts;

	private final int[] ends;

	/** {@code normalized(i).hashCode()} of each ASCII word, computed while splitting; 0 for the others until asked. */
	private final int[] hashes;

	/** Which words hold a character outside ASCII, whose lowercase form takes {@link String#toLowerCase}. */
	private final BitSet nonAscii;

	private final int size;

	/** The strings made so far, allocated when the first is asked for (most texts never ask). */
	private String[] folded;

	private String[] normalized;

	private Words(char[] text, int[] starts, int[] ends, int[] hashes, BitSet nonAscii, int size) {
		this.text = text;
		this.starts = starts;
		this.ends = ends;
		this.hashes = hashes;
		this.nonAscii = nonAscii;
		this.size = size;
	}

	static Words of(String text) {
		char[] chars = (text == null) ? new char[0] : fold(text);
		int capacity = Math.max(16, chars.length / 6);
		int[] starts = new int[capacity];
		int[] ends = new int[capacity];
		int[] hashes = new int[capacity];
		BitSet nonAscii = new BitSet();
		int size = 0;
		int i = 0;
		while (i < chars.length) {
			while (i < chars.length && !isWordChar(chars[i])) {
				i++;
			}
			if (i == chars.length) {
				break;
			}
			int start = i;
			int hash = 0;
			boolean ascii = true;
			for (; i < chars.length; i++) {
				char c = chars[i];
				if (c < 128) {
					char lower = ASCII_WORD_LOWER[c];
					if (lower == 0) {
						break;
					}
					hash = 31 * hash + lower;
				}
				else if (Character.isLetterOrDigit(c)) {
					ascii = false;
				}
				else {
					break;
				}
			}
			if (size == starts.length) {
				starts = Arrays.copyOf(starts, size * 2);
				ends = Arrays.copyOf(ends, size * 2);
				hashes = Arrays.copyOf(hashes, size * 2);
			}
			if (!ascii) {
				nonAscii.set(size);
			}
			starts[size] = start;
			ends[size] = i;
			hashes[size++] = hash;
		}
		return new Words(chars, starts, ends, hashes, nonAscii, size);
	}

	private static boolean isWordChar(char c) {
		return (c < 128) ? ASCII_WORD_LOWER[c] != 0 : Character.isLetterOrDigit(c);
	}

	/**
	 * Compatibility decomposition without the combining marks: "Crème" becomes "Creme", "ﬁ" becomes "fi". Only the
	 * pieces between ASCII whitespace that hold a non-ASCII character are decomposed: decomposition and the
	 * reordering of marks never reach across a whitespace character, so the result is the same as for the whole text.
	 */
	private static char[] fold(String text) {
		int next = firstNonAscii(text, 0, text.length());
		if (next < 0) {
			return text.toCharArray();
		}
		// the spans between the pieces are copied whole: appending them a word at a time to a StringBuilder, char by
		// char, was a sixth of the indexer's CPU (JFR, bench figure 1)
		Folded folded = new Folded(text.length());
		int copied = 0;
		while (next >= 0) {
			int pieceStart = next;
			while (pieceStart > copied && !isAsciiWhitespace(text.charAt(pieceStart - 1))) {
				pieceStart--;
			}
			int pieceEnd = next;
			while (pieceEnd < text.length() && !isAsciiWhitespace(text.charAt(pieceEnd))) {
				pieceEnd++;
			}
			folded.append(text, copied, pieceStart);
			String piece = Normalizer.normalize(text.substring(pieceStart, pieceEnd), Normalizer.Form.NFKD);
			String withoutMarks = MARKS.matcher(piece).replaceAll("");
			folded.append(withoutMarks, 0, withoutMarks.length());
			copied = pieceEnd;
			next = firstNonAscii(text, pieceEnd, text.length());
		}
		folded.append(text, copied, text.length());
		return folded.toCharArray();
	}

	/** Characters copied in spans ({@link String#getChars}), grown when decomposition makes the text longer. */
	private static final class Folded {

		private char[] chars;

		private int length;

		Folded(int capacity) {
			this.chars = new char[capacity + 16];
		}

		void append(String from, int start, int end) {
			int count = end - start;
			if (this.length + count > this.chars.length) {
				this.chars = Arrays.copyOf(this.chars, Math.max(this.chars.length * 2, this.length + count));
			}
			from.getChars(start, end, this.chars, this.length);
			this.length += count;
		}

		char[] toCharArray() {
			return Arrays.copyOf(this.chars, this.length);
		}

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
		if (this.folded == null) {
			this.folded = new String[this.size];
		}
		String word = this.folded[index];
		if (word == null) {
			word = new String(this.text, this.starts[index], this.ends[index] - this.starts[index]);
			this.folded[index] = word;
		}
		return word;
	}

	String normalized(int index) {
		if (this.normalized == null) {
			this.normalized = new String[this.size];
		}
		String word = this.normalized[index];
		if (word == null) {
			word = folded(index).toLowerCase(Locale.ROOT);
			this.normalized[index] = word;
		}
		return word;
	}

	/** {@code normalized(index).hashCode()}, without making the string when the word is ASCII. */
	int normalizedHash(int index) {
		if (this.nonAscii.get(index)) {
			return normalized(index).hashCode();
		}
		return this.hashes[index];
	}

	/** Whether {@code normalized(index)} equals {@code lowercase}, without making the string when the word is ASCII. */
	boolean normalizedEquals(int index, String lowercase) {
		if (this.nonAscii.get(index)) {
			return normalized(index).equals(lowercase);
		}
		int start = this.starts[index];
		int length = this.ends[index] - start;
		if (length != lowercase.length()) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (ASCII_WORD_LOWER[this.text[start + i]] != lowercase.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** Whether {@code folded(index)} equals {@code word}, without making the string. */
	boolean foldedEquals(int index, String word) {
		int start = this.starts[index];
		int length = this.ends[index] - start;
		if (length != word.length()) {
			return false;
		}
		for (int i = 0; i < length; i++) {
			if (this.text[start + i] != word.charAt(i)) {
				return false;
			}
		}
		return true;
	}

}
