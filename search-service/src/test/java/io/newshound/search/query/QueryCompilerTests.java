package io.newshound.search.query;

import java.io.StringWriter;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import jakarta.json.stream.JsonGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The query DSL each construct compiles to: safe pieces only, analysed text kept whole. */
class QueryCompilerTests {

	private final QueryParser parser = new QueryParser(32, 8, 3);

	private final QueryCompiler compiler = new QueryCompiler(3.0, 2.0, 50);

	@Test
	void wordsBecomeOneCombinedFieldsQueryWithTheTitleBoosted() {
		assertThat(json("large language models")).isEqualTo("""
				{"combined_fields":{"fields":["title^3.0","summary^2.0","body"],"query":"large language models",\
				"operator":"and","zero_terms_query":"all"}}""");
	}

	@Test
	void phrasesUseTheExactSubFields() {
		assertThat(json("\"open weights\"")).isEqualTo("""
				{"multi_match":{"fields":["title.exact^3.0","summary.exact^2.0","body.exact"],"query":"open weights",\
				"type":"phrase"}}""");
	}

	@Test
	void prefixesAreBoundedPhrasePrefixesOnExactFields() {
		assertThat(json("title:agent*")).isEqualTo("""
				{"match_phrase_prefix":{"title.exact":{"max_expansions":50,"query":"agent"}}}""");
	}

	@Test
	void sourceAndTagAreCaseInsensitiveTerms() {
		assertThat(json("source:\"Neural Wire\" -tag:chips")).isEqualTo("""
				{"bool":{"must":[{"term":{"source":{"value":"Neural Wire","case_insensitive":true}}}],\
				"must_not":[{"term":{"tags":{"value":"chips","case_insensitive":true}}}]}}""");
	}

	@Test
	void orNeedsOneClause() {
		assertThat(json("title:nvidia OR amd")).contains("\"should\"").contains("\"minimum_should_match\":\"1\"");
	}

	/** Whatever the input, nothing that Elasticsearch would parse as a query string, regex, wildcard or script. */
	@Test
	void noUnsafeQueryTypesAreProduced() {
		String dsl = json("(a\\b OR \"c*d\" OR title:efg*) -\"/regex.*/\" source:x~2 tag:(y OR \"z z\") re:Invent");
		assertThat(dsl).doesNotContain("query_string", "regexp", "wildcard", "fuzzy", "script", "simple_query_string");
	}

	private String json(String query) {
		Query compiled = this.compiler.compile(this.parser.parse(query));
		JsonpMapper mapper = new Jackson3JsonpMapper();
		StringWriter writer = new StringWriter();
		try (JsonGenerator generator = mapper.jsonProvider().createGenerator(writer)) {
			compiled.serialize(generator, mapper);
		}
		return writer.toString();
	}

}
