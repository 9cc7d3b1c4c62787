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

	private static final boolean[] ASCII_WORD = new boolean[128];

	static {
		for (char c = 0; c < 128; c++) {
			ASCII_WORD[c] = Character.isLetterOrDigit(c);
		}
	}

	private final String text;

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

	private Words(String text, int[] starts, int[] ends, int[] hashes, BitSet nonAscii, int size) {
		this.text = text;
		this.starts = starts;
		this.ends = ends;
		this.hashes = hashes;
		this.nonAscii = nonAscii;
		this.size = size;
	}

	static Words of(String text) {
		String folded = (text == null) ? "" : fold(text);
		int capacity = Math.max(16, folded.length() / 6);
		int[] starts = new int[capacity];
		int[] ends = new int[capacity];
		int[] hashes = new int[capacity];
		BitSet nonAscii = new BitSet();
		int size = 0;
		int start = -1;
		int hash = 0;
		for (int i = 0; i <= folded.length(); i++) {
			char c = (i < folded.length()) ? folded.charAt(i) : ' ';
			boolean ascii = c < 128;
			boolean wordChar = ascii ? isAsciiLetterOrDigit(c) : Character.isLetterOrDigit(c);
			if (wordChar) {
				if (start < 0) {
					start = i;
					hash = 0;
					if (size == starts.length) {
						starts = Arrays.copyOf(starts, size * 2);
						ends = Arrays.copyOf(ends, size * 2);
						hashes = Arrays.copyOf(hashes, size * 2);
					}
				}
				if (ascii) {
					hash = 31 * hash + ((c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c);
				}
				else {
					nonAscii.set(size);
				}
			}
			else if (start >= 0) {
				starts[size] = start;
				ends[size] = i;
				hashes[size++] = hash;
				start = -1;
			}
		}
		return new Words(folded, starts, ends, hashes, nonAscii, size);
	}

	private static boolean isAsciiLetterOrDigit(char c) {
		return ASCII_WORD[c];
	}

	/**
	 * Compatibility decomposition without the combining marks: "Crème" becomes "Creme", "ﬁ" becomes "fi". Only the
	 * pieces between ASCII whitespace that hold a non-ASCII character are decomposed: decomposition and the
	 * reordering of marks never reach across a whitespace character, so the result is the same as for the whole text.
	 */
	private static String fold(String text) {
		int next = firstNonAscii(text, 0, text.length());
		if (next < 0) {
			return text;
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
		return folded.toString();
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

		@Override
		public String toString() {
			return new String(this.chars, 0, this.length);
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
			word = this.text.substring(this.starts[index], this.ends[index]);
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
			char c = this.text.charAt(start + i);
			if (((c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c) != lowercase.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** Whether {@code folded(index)} equals {@code word}, without making the string. */
	boolean foldedEquals(int index, String word) {
		int start = this.starts[index];
		int length = this.ends[index] - start;
		return length == word.length() && this.text.regionMatches(start, word, 0, length);
	}

}
