package io.newshound.bench.search;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.json.SimpleJsonpMapper;
import jakarta.json.stream.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import io.newshound.bench.stack.Elasticsearch;
import io.newshound.search.query.QueryCompiler;
import io.newshound.search.query.QueryNode;
import io.newshound.search.query.QueryParser;

/**
 * The direct-Elasticsearch side of figure 3: for each {@link SearchCase}, the one {@code _search} request a client
 * talking to Elasticsearch itself would send for the same first page — the search service's own parser and
 * compiler for the query text, the same filters, recency scoring, sort, page size, source fields, highlight and
 * facets, and the same story grouping done by {@code collapse} on {@code storyId} in that one request.
 *
 * <p>The search API answers the same page with two requests (open a point in time, then this search on it), because
 * its later pages continue on that point in time; that cost is part of what figure 3 measures.
 */
final class DirectQuery {

	// the search service's defaults (SearchProperties)
	private static final QueryParser PARSER = new QueryParser(32, 8, 3);

	private static final QueryCompiler COMPILER = new QueryCompiler(3.0, 2.0, 50);

	private static final JsonpMapper MAPPER = new SimpleJsonpMapper();

	private static final int PAGE = 10;

	private DirectQuery() {
	}

	static String body(SearchCase search, Instant now) {
		QueryNode node = PARSER.parse(search.q());
		boolean recent = search.recent() || node instanceof QueryNode.All;
		ObjectNode body = Elasticsearch.JSON.createObjectNode();
		ObjectNode bool = Elasticsearch.JSON.createObjectNode();
		bool.putArray("must").add(json(COMPILER.compile(node)));
		ArrayNode filters = bool.putArray("filter");
		if (search.source() != null) {
			filters.addObject().putObject("term").putObject("source").put("value", search.source()).put("case_insensitive", true);
		}
		if (search.tag() != null) {
			filters.addObject().putObject("term").putObject("tags").put("value", search.tag()).put("case_insensitive", true);
		}
		if (search.lang() != null) {
			filters.addObject().putObject("term").putObject("language").put("value", search.lang());
		}
		Instant from = (search.fromDays() > 0) ? now.minus(Duration.ofDays(search.fromDays())) : null;
		if (from != null) {
			filters.addObject().putObject("range").putObject("publishedAt").put("gte", from.toString());
		}
		ObjectNode matching = Elasticsearch.JSON.createObjectNode();
		matching.set("bool", bool);
		if (recent) {
			body.set("query", matching);
			body.putArray("sort").addObject().putObject("publishedAt").put("order", "desc");
		}
		else {
			ObjectNode functionScore = body.putObject("query").putObject("function_score");
			functionScore.set("query", matching);
			ArrayNode functions = functionScore.putArray("functions");
			ObjectNode decay = functions.addObject();
			decay.put("weight", 0.3);
			decay.putObject("gauss").putObject("publishedAt").put("origin", now.toString()).put("scale", "7d")
				.put("offset", "12h").put("decay", 0.5);
			ObjectNode floor = functions.addObject();
			floor.putObject("filter").putObject("match_all");
			floor.put("weight", 0.7);
			functionScore.put("score_mode", "sum").put("boost_mode", "multiply");
			body.putArray("sort").addObject().putObject("_score").put("order", "desc");
		}
		body.put("size", PAGE);
		body.put("track_total_hits", true);
		ArrayNode includes = body.putObject("_source").putArray("includes");
		List.of("articleId", "url", "source", "title", "summary", "authors", "publishedAt", "tags", "storyId")
			.forEach(includes::add);
		ObjectNode highlight = body.putObject("highlight").put("encoder", "html");
		highlight.putArray("pre_tags").add("<mark>");
		highlight.putArray("post_tags").add("</mark>");
		ObjectNode bodyField = highlight.putObject("fields").putObject("body");
		bodyField.putArray("matched_fields").add("body").add("body.exact");
		bodyField.put("number_of_fragments", 1).put("fragment_size", 180).put("no_match_size", 180);
		ObjectNode collapse = body.putObject("collapse").put("field", "storyId");
		ObjectNode inner = collapse.putObject("inner_hits").put("name", "story").put("size", 11);
		inner.putArray("sort").addObject().putObject("publishedAt").put("order", "asc");
		ArrayNode innerFields = inner.putObject("_source").putArray("includes");
		List.of("articleId", "source", "url", "title", "publishedAt").forEach(innerFields::add);
		ObjectNode aggs = body.putObject("aggs");
		aggs.putObject("source").putObject("terms").put("field", "source").put("size", 20);
		aggs.putObject("tag").putObject("terms").put("field", "tags").put("size", 20);
		aggs.putObject("entity").putObject("terms").put("field", "entities").put("size", 20);
		Instant start = (from != null) ? from : now.minus(Duration.ofDays(30));
		ObjectNode day = aggs.putObject("day");
		day.putObject("filter").putObject("range").putObject("publishedAt").put("gte", start.toString()).put("lt", now.toString());
		ObjectNode histogram = day.putObject("aggs").putObject("days").putObject("date_histogram");
		histogram.put("field", "publishedAt").put("calendar_interval", "day").put("format", "yyyy-MM-dd").put("min_doc_count", 0);
		histogram.putObject("extended_bounds").put("min", LocalDate.ofInstant(start, ZoneOffset.UTC).toString())
			.put("max", LocalDate.ofInstant(now.minusNanos(1), ZoneOffset.UTC).toString());
		return body.toString();
	}

	private static JsonNode json(Query query) {
		StringWriter writer = new StringWriter();
		try (JsonGenerator generator = MAPPER.jsonProvider().createGenerator(writer)) {
			query.serialize(generator, MAPPER);
		}
		return Elasticsearch.JSON.readTree(writer.toString());
	}

}
