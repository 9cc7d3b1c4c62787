package io.newshound.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The data files shipped beside these classes (the analysis rules). */
final class AnalysisResources {

	private AnalysisResources() {
	}

	/**
	 * A UTF-8 reader of {@code name} in this package; malformed UTF-8 is an error, not replaced silently.
	 * @throws IOException when the file is not in the jar
	 */
	static Reader open(String name) throws IOException {
		InputStream in = AnalysisResources.class.getResourceAsStream(name);
		if (in == null) {
			throw new IOException("the news-analysis jar has no " + name + " beside " + AnalysisResources.class.getName());
		}
		return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT));
	}

}
