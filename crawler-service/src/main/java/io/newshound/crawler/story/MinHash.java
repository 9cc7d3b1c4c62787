package io.newshound.crawler.story;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * MinHash signatures of texts over shingles of three words: the share of equal positions in two
 * signatures estimates the Jaccard similarity of the texts' shingle sets (about 0.8 for two lightly
 * edited copies of one story, near 0 for different stories). Words are runs of letters and digits,
 * lower case, so punctuation and markup noise do not count.
 */
public final class MinHash {

	/** Number of hash functions, and so of positions in a signature. */
	public static final int SIZE = 64;

	private static final int SHINGLE = 3;

	private static final long[] SEEDS = new long[SIZE];

	static {
		long state = 0x4e6577736f756e64L; // "Newsound", any fixed value
		for (int i = 0; i < SIZE; i++) {
			state += 0x9e3779b97f4a7c15L;
			SEEDS[i] = mix(state);
		}
	}

	private MinHash() {
	}

	/** The signature of {@code text}; {@code null} for a text without words. */
	public static int[] signature(String text) {
		List<String> words = words(text);
		if (words.isEmpty()) {
			return null;
		}
		int[] signature = new int[SIZE];
		Arrays.fill(signature, Integer.MAX_VALUE);
		int shingles = Math.max(1, words.size() - SHINGLE + 1);
		for (int i = 0; i < shingles; i++) {
			long hash = fnv1a64(String.join(" ", words.subList(i, Math.min(words.size(), i + SHINGLE))));
			for (int k = 0; k < SIZE; k++) {
				int value = (int) (mix(hash ^ SEEDS[k]) >>> 33);
				if (value < signature[k]) {
					signature[k] = value;
				}
			}
		}
		return signature;
	}

	/** The estimated Jaccard similarity of the texts of two signatures, from 0 to 1. */
	public static double similarity(int[] a, int[] b) {
		int equal = 0;
		for (int k = 0; k < SIZE; k++) {
			if (a[k] == b[k]) {
				equal++;
			}
		}
		return equal / (double) SIZE;
	}

	/** A signature as text, for the crawl state. */
	public static String encode(int[] signature) {
		ByteBuffer buffer = ByteBuffer.allocate(SIZE * 4);
		for (int value : signature) {
			buffer.putInt(value);
		}
		return Base64.getEncoder().withoutPadding().encodeToString(buffer.array());
	}

	/** The signature of {@link #encode} text, or {@code null} when it is not one. */
	public static int[] decode(String text) {
		if (text == null) {
			return null;
		}
		try {
			ByteBuffer buffer = ByteBuffer.wrap(Base64.getDecoder().decode(text));
			if (buffer.remaining() != SIZE * 4) {
				return null;
			}
			int[] signature = new int[SIZE];
			for (int k = 0; k < SIZE; k++) {
				signature[k] = buffer.getInt();
			}
			return signature;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		String lower = text.toLowerCase(Locale.ROOT);
		for (int i = 0; i < lower.length(); i++) {
			char c = lower.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				word.append(c);
			}
			else if (word.length() > 0) {
				words.add(word.toString());
				word.setLength(0);
			}
		}
		if (word.length() > 0) {
			words.add(word.toString());
		}
		return words;
	}

	private static long fnv1a64(String text) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < text.length(); i++) {
			hash ^= text.charAt(i);
			hash *= 0x100000001b3L;
		}
		return hash;
	}

	/** SplitMix64's finaliser: every input bit reaches every output bit. */
	private static long mix(long value) {
		long z = (value ^ (value >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

}
