package io.newshound.search.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.SimpleQueryStringFlag;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.util.NamedValue;
import reactor.core.publisher.Mono;

import io.newshound.search.SearchProperties;

import org.springframework.web.util.HtmlUtils;

/**
 * Runs a {@link SearchQuery} on Elasticsearch through the asynchronous client.
 */
class ArticleSearch {

	private static final Map<String, String> FACETS = Map.of("source", "source", "tag", "tags");

	private static final int SNIPPET_CHARS = 180;

	/**
	 * The query syntax users get. WHITESPACE is left out on purpose: as an operator it splits the query
	 * before analysis, and multi-word synonyms ("large language models" for "LLMs") never match. No fuzzy
	 * or proximity operators: they cost far more than they help in news search.
	 */
	private static final List<SimpleQueryStringFlag> SAFE_SYNTAX = List.of(SimpleQueryStringFlag.And,
			SimpleQueryStringFlag.Or, SimpleQueryStringFlag.Not, SimpleQueryStringFlag.Phrase,
			SimpleQueryStringFlag.Prefix, SimpleQueryStringFlag.Precedence, SimpleQueryStringFlag.Escape);

	private final ElasticsearchAsyncClient client;

	private final SearchProperties properties;

	ArticleSearch(ElasticsearchAsyncClient client, SearchProperties properties) {
		this.client = client;
		this.properties = properties;
	}

	Mono<SearchResult> search(SearchQuery query) {
		SearchRequest request = request(query);
		return Mono.fromFuture(() -> this.client.search(request, StoredArticle.class))
			.timeout(this.properties.timeout())
			.map(this::result)
			.onErrorResume(ArticleSearch::isMissingIndex, (ex) -> Mono.just(empty()))
			.onErrorMap(ArticleSearch::isUnavailable,
					(ex) -> new SearchUnavailableException("Elasticsearch is unavailable", ex));
	}

	private SearchRequest request(SearchQuery query) {
		return SearchRequest.of((search) -> {
			search.index(this.properties.alias())
				.size(query.size())
				.trackTotalHits((track) -> track.enabled(true))
				.query(query(query))
				.highlight((highlight) -> highlight.encoder(HighlighterEncoder.Html)
					.preTags("<mark>")
					.postTags("</mark>")
					.fields(NamedValue.of("body", HighlightField.of((field) -> field.numberOfFragments(1)
						.fragmentSize(SNIPPET_CHARS)
						.noMatchSize(SNIPPET_CHARS)))));
			FACETS.forEach((name, field) -> search.aggregations(name,
					Aggregation.of((agg) -> agg.terms((terms) -> terms.field(field).size(20)))));
			if (query.sort() == SearchQuery.Sort.RECENT || query.text().isEmpty()) {
				search.sort((sort) -> sort.field((field) -> field.field("publishedAt").order(SortOrder.Desc)));
			}
			return search;
		});
	}

	private static Query query(SearchQuery query) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		if (query.text().isEmpty()) {
			bool.must((must) -> must.matchAll((all) -> all));
		}
		else {
			bool.must((must) -> must.simpleQueryString((simple) -> simple.query(query.text())
				.fields("title^3", "summary^2", "body")
				.defaultOperator(Operator.And)
				.flags(SAFE_SYNTAX)));
		}
		if (query.source() != null) {
			bool.filter((filter) -> filter.term((term) -> term.field("source").value(FieldValue.of(query.source()))));
		}
		if (query.tag() != null) {
			bool.filter((filter) -> filter.term((term) -> term.field("tags").value(FieldValue.of(query.tag()))));
		}
		if (query.language() != null) {
			bool.filter((filter) -> filter.term((term) -> term.field("language").value(FieldValue.of(query.language()))));
		}
		if (query.from() != null || query.to() != null) {
			bool.filter((filter) -> filter.range((range) -> range.date((date) -> {
				date.field("publishedAt");
				if (query.from() != null) {
					date.gte(query.from().toString());
				}
				if (query.to() != null) {
					date.lt(query.to().toString());
				}
				return date;
			})));
		}
		return Query.of((q) -> q.bool(bool.build()));
	}

	private SearchResult result(SearchResponse<StoredArticle> response) {
		List<SearchResult.Hit> hits = new ArrayList<>();
		for (Hit<StoredArticle> hit : response.hits().hits()) {
			StoredArticle article = hit.source();
			if (article == null) {
				continue;
			}
			hits.add(new SearchResult.Hit(hit.id(), article.title(), article.url(), article.source(),
					(article.authors() == null || article.authors().isEmpty()) ? null : String.join(", ", article.authors()),
					article.publishedAt(), snippet(hit, article), (article.tags() != null) ? article.tags() : List.of()));
		}
		Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
		FACETS.keySet().stream().sorted().forEach((name) -> {
			Aggregate aggregate = response.aggregations().get(name);
			facets.put(name, (aggregate != null) ? buckets(aggregate) : List.of());
		});
		long total = (response.hits().total() != null) ? response.hits().total().value() : hits.size();
		return new SearchResult(total, response.took(), hits, facets, null);
	}

	private static List<SearchResult.FacetValue> buckets(Aggregate aggregate) {
		if (!aggregate.isSterms()) {
			return List.of();
		}
		List<SearchResult.FacetValue> values = new ArrayList<>();
		for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
			values.add(new SearchResult.FacetValue(bucket.key().stringValue(), bucket.docCount()));
		}
		return values;
	}

	/** Elasticsearch's highlight is HTML-encoded around the marks; any other text is escaped here. */
	private static String snippet(Hit<StoredArticle> hit, StoredArticle article) {
		List<String> fragments = hit.highlight().get("body");
		if (fragments != null && !fragments.isEmpty()) {
			return fragments.get(0);
		}
		String summary = (article.summary() != null) ? article.summary() : "";
		return HtmlUtils.htmlEscape(summary.length() > SNIPPET_CHARS ? summary.substring(0, SNIPPET_CHARS) : summary);
	}

	private static SearchResult empty() {
		Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
		FACETS.keySet().stream().sorted().forEach((name) -> facets.put(name, List.of()));
		return new SearchResult(0, 0, List.of(), facets, null);
	}

	private static boolean isMissingIndex(Throwable ex) {
		return unwrap(ex) instanceof ElasticsearchException es && "index_not_found_exception".equals(es.error().type());
	}

	private static boolean isUnavailable(Throwable ex) {
		Throwable cause = unwrap(ex);
		return cause instanceof IOException || cause instanceof TimeoutException
				|| (cause instanceof ElasticsearchException es && (es.status() == 429 || es.status() >= 500));
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable cause = ex;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
