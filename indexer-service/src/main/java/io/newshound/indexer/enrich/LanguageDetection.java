package io.newshound.indexer.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

/**
 * Detects the language of an article whose event does not say, with Lingua in its low-accuracy
 * mode over a short list of candidate languages: only the trigram models of those languages are
 * loaded (about 10 MB of heap for ten languages, on the first detection), and a detection takes well
 * under a millisecond. Low accuracy means unreliable on a few words, which is why texts shorter than
 * {@value #MIN_LETTERS} letters get no language at all; articles are much longer.
 */
public final class LanguageDetection {

	static final int MIN_LETTERS = 20;

	/** Enough text to decide; the rest of a long body adds time, not certainty. */
	private static final int MAX_CHARS = 2_000;

	private final LanguageDetector detector;

	/**
	 * @param isoCodes the candidate languages as ISO 639-1 codes, at least two
	 * @throws IllegalArgumentException for fewer than two or an unknown code
	 */
	public LanguageDetection(List<String> isoCodes) {
		List<IsoCode639_1> codes = new ArrayList<>();
		for (String code : isoCodes) {
			try {
				codes.add(IsoCode639_1.valueOf(code.trim().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("'" + code + "' is not an ISO 639-1 language code Lingua knows", ex);
			}
		}
		if (codes.size() < 2) {
			throw new IllegalArgumentException("language detection needs at least two candidate languages: " + isoCodes);
		}
		this.detector = LanguageDetectorBuilder.fromIsoCodes639_1(codes.toArray(IsoCode639_1[]::new))
			.withLowAccuracyMode()
			.build();
	}

	/** The ISO 639-1 code of the text's language, or {@code null} when the text is too short or ambiguous. */
	public String detect(String text) {
		String sample = (text.length() > MAX_CHARS) ? text.substring(0, MAX_CHARS) : text;
		if (sample.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count() < MIN_LETTERS) {
			return null;
		}
		Language language = this.detector.detectLanguageOf(sample);
		if (language == Language.UNKNOWN) {
			return null;
		}
		return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
	}

}
