package io.newshound.analysis;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.WordlistLoader;

/**
 * Words that {@code newshound_english_stem} leaves unstemmed, from {@code protected-words.txt}: names
 * that KStem would turn into other words ("Cursor" → "curse", "Keras" → "kera"). Loaded once per JVM.
 */
public final class ProtectedWords {

	static final String FILE = "protected-words.txt";

	private static CharArraySet words;

	private ProtectedWords() {
	}

	/** The protected words, lowercase and folded as the stemmer sees them; unmodifiable. */
	public static synchronized CharArraySet set() {
		if (words == null) {
			try (Reader reader = AnalysisResources.open(FILE)) {
				words = CharArraySet.unmodifiableSet(WordlistLoader.getWordSet(reader, "#", new CharArraySet(64, true)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("newshound_english_stem: cannot read " + FILE + ": " + ex.getMessage(), ex);
			}
		}
		return words;
	}

}
