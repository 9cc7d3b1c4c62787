package io.newshound.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The data files shipped in the plugin's jar, beside its classes. */
final class PluginResources {

	private PluginResources() {
	}

	/**
	 * A UTF-8 reader of {@code name} in this package; malformed UTF-8 is an error, not replaced silently.
	 * @throws IOException when the file is not in the jar
	 */
	static Reader open(String name) throws IOException {
		InputStream in = PluginResources.class.getResourceAsStream(name);
		if (in == null) {
			throw new IOException("the plugin jar has no " + name + " beside " + PluginResources.class.getName());
		}
		return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT));
	}

}
