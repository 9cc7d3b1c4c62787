package io.newshound.bench.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One query of the mix, as a user would send it to {@code /api/search}.
 *
 * @param q the query text ({@code ""} lists the newest)
 * @param source a source filter, or {@code null}
 * @param tag a tag filter, or {@code null}
 * @param lang a language filter, or {@code null}
 * @param recent whether sorted by date instead of relevance
 * @param fromDays only articles of the last this many days, or 0
 */
record SearchCase(String q, String source, String tag, String lang, boolean recent, int fromDays) {

	static SearchCase of(String q) {
		return new SearchCase(q, null, null, null, false, 0);
	}

	SearchCase source(String value) {
		return new SearchCase(this.q, value, this.tag, this.lang, this.recent, this.fromDays);
	}

	SearchCase tag(String value) {
		return new SearchCase(this.q, this.source, value, this.lang, this.recent, this.fromDays);
	}

	SearchCase lang(String value) {
		return new SearchCase(this.q, this.source, this.tag, value, this.recent, this.fromDays);
	}

	SearchCase byDate() {
		return new SearchCase(this.q, this.source, this.tag, this.lang, true, this.fromDays);
	}

	SearchCase lastDays(int days) {
		return new SearchCase(this.q, this.source, this.tag, this.lang, this.recent, days);
	}

	/** The path and query string of {@code GET /api/search}. */
	String apiPath() {
		List<String> parameters = new ArrayList<>();
		parameters.add("q=" + encode(this.q));
		if (this.source != null) {
			parameters.add("source=" + encode(this.source));
		}
		if (this.tag != null) {
			parameters.add("tag=" + encode(this.tag));
		}
		if (this.lang != null) {
			parameters.add("lang=" + this.lang);
		}
		if (this.recent) {
			parameters.add("sort=recent");
		}
		if (this.fromDays > 0) {
			parameters.add("from=" + this.fromDays + "d");
		}
		return "/api/search?" + String.join("&", parameters);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** A realistic mix: single names, topics, phrases, exclusions, prefixes, filters, recency, the front page. */
	static List<SearchCase> mix() {
		return List.of(of("openai"), of("nvidia"), of("funding round"), of("\"data center\""), of("anthropic claude"),
				of("ai agents"), of("chips").tag("chips"), of("guidance").tag("policy"), of(""), of("microsoft partnership"),
				of("gemini OR llama"), of("speech -openai"), of("robot*"), of("google deepmind research").byDate(),
				of("power").source("Datacenter Dispatch"), of("rechenzentren").lang("de"), of("sequoia capital"),
				of("safety testing"), of("mistral").lastDays(7), of("hugging face"), of("").tag("startups").byDate(),
				of("meta llama"), of("copilot update"), of("\"energy use\""), of("regulators").lastDays(14));
	}

}
