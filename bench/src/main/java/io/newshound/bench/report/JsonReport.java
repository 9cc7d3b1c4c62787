package io.newshound.bench.report;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Renders {@code bench/results.json}: the same content as the Markdown report, for tools. */
public final class JsonReport {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private JsonReport() {
	}

	public static String render(Results results) {
		return JSON.writeValueAsString(results) + "\n";
	}

	public static Results read(String json) {
		return JSON.readValue(json, Results.class);
	}

}
