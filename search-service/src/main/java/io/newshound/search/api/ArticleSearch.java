package io.newshound.search.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.FieldDateMath;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.DecayFunction;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionBoostMode;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScore;
import co.elastic.clients.elasticsearch._types.query_dsl.FunctionScoreMode;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.FieldCollapse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.InnerHitsResult;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import co.elastic.clients.util.ObjectBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import io.newshound.search.SearchProperties;
import io.newshound.search.query.QueryCompiler;
import io.newshound.search.query.QueryNode;

import org.springframework.web.util.HtmlUtils;

/**
 * Runs a {@link SearchQuery} on Elasticsearch: one page of stories, paged with {@code search_after} over a point
 * in time, near-duplicates collapsed by {@code storyId}.
 *
 * <p><b>The first page</b> is one search on a new point in time with {@code collapse} on {@code storyId}: each
 * story's leader (its best article under the query and sort) with the story's other articles as inner hits,
 * facets and snippets in the same request. It asks for one story more than the page to know whether there is a
 * next page; when there is none, the point in time is released at once.
 *
 * <p><b>Later pages.</b> Elasticsearch refuses {@code collapse} together with {@code search_after} unless the
 * search is sorted on the collapse field alone, which would order stories by id. So each round reads the plain
 * (uncollapsed) hits after the cursor, then asks, on the same point in time, which article leads each of their
 * stories: the same query and sort, filtered to those story ids, with the same {@code collapse}. A hit is shown
 * only if it leads its story; the others are skipped because their story is (or was, on an earlier page) shown at
 * its leader's place. Every story therefore appears exactly once, at the place of its best article, and the cursor
 * is just the sort values of the last hit read. A page may hold fewer than {@code size} stories when many copies
 * follow each other (up to {@value #MAX_ROUNDS} rounds fill it).
 *
 * <p>Every document has a {@code storyId} (the indexer gives an article without one its own id), as
 * {@code collapse} would put all documents without one in a single group.
 */
class ArticleSearch {

	private static final Logger logger = LoggerFactory.getLogger(ArticleSearch.class);

	static final int MAX_ROUNDS = 4;

	private static final int SNIPPET_CHARS = 180;

	private static final Map<String, String> TERM_FACETS = Map.of("source", "source", "tag", "tags", "entity",
			"entities");

	private static final List<String> FACET_NAMES = List.of("source", "tag", "entity", "day");

	private static final List<String> OTHER_SOURCE_FIELDS = List.of("articleId", "source", "url", "title",
			"publishedAt");

	private final ElasticsearchCalls elasticsearch;

	private final SearchProperties properties;

	private final QueryCompiler compiler;

	private final CursorCodec cursors;

	private final Clock clock;

	ArticleSearch(ElasticsearchCalls elasticsearch, SearchProperties properties, CursorCodec cursors, Clock clock) {
		this.elasticsearch = elasticsearch;
		this.properties = properties;
		this.compiler = new QueryCompiler(properties.ranking().titleBoost(), properties.ranking().summaryBoost(),
				properties.prefixExpansions());
		this.cursors = cursors;
		this.clock = clock;
	}

	Mono<SearchResult> search(SearchQuery query) {
		Mono<SearchResult> page = (query.cursor() != null)
				? new Page(query, query.cursor().pitId()).round(fieldValues(query.cursor().searchAfter()), 1)
				: this.elasticsearch
					.call("open_pit", (client) -> client.openPointInTime((open) -> open.index(this.properties.alias())
						.keepAlive(keepAlive())))
					.flatMap((pit) -> new Page(query, pit.id()).first());
		return this.elasticsearch.guarded(page.onErrorResume(ElasticsearchCalls::isMissingIndex, (ex) -> Mono.just(empty())));
	}

	/** The state of one page being filled, round after round. */
	private final class Page {

		private final SearchQuery query;

		private final Query esQuery;

		private final List<SortOptions> sort;

		private final int fetchSize;

		private final List<SearchResult.Hit> hits = new ArrayList<>();

		private String pitId;

		private long total = -1;

		private long tookMs;

		private Map<String, List<SearchResult.FacetValue>> facets = Map.of();

		Page(SearchQuery query, String pitId) {
			this.query = query;
			this.pitId = pitId;
			this.esQuery = query(query);
			this.sort = sort(query);
			this.fetchSize = Math.min(query.size() + query.size() / 2 + 1, 200);
		}

		/**
		 * The first page in one request: {@code collapse} works with from/size, so Elasticsearch picks each story's
		 * leader itself; one story more than the page tells whether a next page exists.
		 */
		Mono<SearchResult> first() {
			SearchRequest request = SearchRequest.of((search) -> {
				listing(search, null, this.query.size() + 1, true);
				return search.collapse(ArticleSearch.this::storyCollapse);
			});
			return ArticleSearch.this.elasticsearch
				.call("search", (client) -> client.search(request, StoredArticle.class))
				.map((response) -> {
					read(response, true);
					List<Hit<StoredArticle>> leaders = response.hits().hits();
					List<FieldValue> last = null;
					for (Hit<StoredArticle> leader : leaders.subList(0, Math.min(this.query.size(), leaders.size()))) {
						if (leader.source() != null) {
							this.hits.add(storyHit(leader, leader.source(), leader.innerHits().get("story")));
						}
						last = leader.sort();
					}
					if (leaders.size() <= this.query.size()) {
						closeQuietly(this.pitId);
						return result(null);
					}
					return result(last);
				});
		}

		Mono<SearchResult> round(List<FieldValue> after, int round) {
			SearchRequest request = SearchRequest.of((search) -> listing(search, after, this.fetchSize, false));
			return ArticleSearch.this.elasticsearch
				.call("search", (client) -> client.search(request, StoredArticle.class))
				.flatMap((raw) -> {
					read(raw, false);
					List<Hit<StoredArticle>> rawHits = raw.hits().hits();
					return leaders(rawHits).flatMap((leaders) -> walk(rawHits, leaders, after, round));
				});
		}

		private Mono<SearchResult> walk(List<Hit<StoredArticle>> rawHits, Map<String, Hit<JsonData>> leaders,
				List<FieldValue> after, int round) {
			List<FieldValue> last = after;
			int consumed = 0;
			for (Hit<StoredArticle> hit : rawHits) {
				if (this.hits.size() == this.query.size()) {
					break;
				}
				consumed++;
				last = hit.sort();
				StoredArticle article = hit.source();
				if (article == null) {
					continue;
				}
				String story = article.storyId();
				if (story == null) {
					this.hits.add(hit(hit, article, 1, List.of()));
					continue;
				}
				Hit<JsonData> leader = leaders.get(story);
				if (leader != null && hit.id().equals(leader.id())) {
					this.hits.add(storyHit(hit, article, leader.innerHits().get("story")));
				}
			}
			boolean rawExhausted = rawHits.size() < this.fetchSize && consumed == rawHits.size();
			if (rawExhausted) {
				closeQuietly(this.pitId);
				return Mono.just(result(null));
			}
			if (this.hits.size() < this.query.size() && round < MAX_ROUNDS) {
				return round(last, round + 1);
			}
			return Mono.just(result(last));
		}

		private SearchResult result(List<FieldValue> last) {
			String next = null;
			if (last != null) {
				next = ArticleSearch.this.cursors.encode(new Cursor(this.pitId, javaValues(last),
						this.query.fingerprint(), this.query.now(),
						ArticleSearch.this.clock.instant().plus(ArticleSearch.this.properties.cursor().keepAlive())));
			}
			return new SearchResult(Math.max(this.total, 0), this.tookMs, List.copyOf(this.hits), this.facets, next);
		}

		/** For every story of the raw hits, the article that leads it under this query and sort. */
		private Mono<Map<String, Hit<JsonData>>> leaders(List<Hit<StoredArticle>> rawHits) {
			Set<String> stories = new LinkedHashSet<>();
			for (Hit<StoredArticle> hit : rawHits) {
				if (hit.source() != null && hit.source().storyId() != null) {
					stories.add(hit.source().storyId());
				}
			}
			if (stories.isEmpty()) {
				return Mono.just(Map.of());
			}
			List<FieldValue> ids = stories.stream().map(FieldValue::of).toList();
			SearchRequest request = SearchRequest.of((search) -> search
				.pit((pit) -> pit.id(this.pitId).keepAlive(keepAlive()))
				.timeout(ElasticsearchCalls.searchTimeout(ArticleSearch.this.properties))
				.query((q) -> q.bool((b) -> b.must(this.esQuery)
					.filter((f) -> f.terms((t) -> t.field("storyId").terms((v) -> v.value(ids))))))
				.sort(this.sort)
				.size(stories.size())
				.trackTotalHits((track) -> track.enabled(false))
				.source((source) -> source.filter((filter) -> filter.includes("articleId")))
				.collapse(ArticleSearch.this::storyCollapse));
			return ArticleSearch.this.elasticsearch.call("leaders", (client) -> client.search(request, JsonData.class))
				.map((response) -> {
					took("leaders", response.took());
					this.pitId = (response.pitId() != null) ? response.pitId() : this.pitId;
					Map<String, Hit<JsonData>> leaders = new HashMap<>();
					for (Hit<JsonData> leader : response.hits().hits()) {
						String story = storyOf(leader);
						if (story != null) {
							leaders.put(story, leader);
						}
					}
					return leaders;
				});
		}

		private void took(String operation, long millis) {
			this.tookMs += millis;
			ArticleSearch.this.elasticsearch.took(operation, millis);
		}

		private void read(SearchResponse<StoredArticle> response, boolean facetsToo) {
			took("search", response.took());
			this.pitId = (response.pitId() != null) ? response.pitId() : this.pitId;
			if (this.total < 0) {
				this.total = (response.hits().total() != null) ? response.hits().total().value() : 0;
			}
			if (facetsToo) {
				this.facets = facets(response);
			}
		}

		/** The query on the point in time, its sort, listing fields and snippet; facets on a first page. */
		private SearchRequest.Builder listing(SearchRequest.Builder search, List<FieldValue> after, int size,
				boolean facetsToo) {
			search.pit((pit) -> pit.id(this.pitId).keepAlive(keepAlive()))
				.timeout(ElasticsearchCalls.searchTimeout(ArticleSearch.this.properties))
				.query(this.esQuery)
				.sort(this.sort)
				.size(size)
				.trackTotalHits((track) -> track.enabled(true))
				.source((source) -> source.filter((filter) -> filter.includes(StoredArticle.LISTING_FIELDS)))
				.highlight((highlight) -> highlight.encoder(HighlighterEncoder.Html)
					.preTags("<mark>")
					.postTags("</mark>")
					.fields(NamedValue.of("body", HighlightField.of((field) -> field.matchedFields("body", "body.exact")
						.numberOfFragments(1)
						.fragmentSize(SNIPPET_CHARS)
						.noMatchSize(SNIPPET_CHARS)))));
			if (after != null) {
				search.searchAfter(after);
			}
			if (facetsToo) {
				facetAggregations(this.query).forEach(search::aggregations);
			}
			return search;
		}

	}

	/** One hit per story, its leader, with the story's other articles, oldest first, as inner hits. */
	private FieldCollapse.Builder storyCollapse(FieldCollapse.Builder collapse) {
		return collapse.field("storyId")
			.innerHits((inner) -> inner.name("story")
				.size(this.properties.ranking().maxOtherSources() + 1)
				.sort((s) -> s.field((f) -> f.field("publishedAt").order(SortOrder.Asc)))
				.source((source) -> source.filter((filter) -> filter.includes(OTHER_SOURCE_FIELDS))));
	}

	private static String storyOf(Hit<JsonData> leader) {
		JsonData values = leader.fields().get("storyId");
		if (values != null) {
			List<?> list = values.to(List.class);
			if (!list.isEmpty()) {
				return String.valueOf(list.get(0));
			}
		}
		return null;
	}

	private SearchResult.Hit storyHit(Hit<StoredArticle> hit, StoredArticle article, InnerHitsResult story) {
		long count = 1;
		List<SearchResult.OtherSource> others = new ArrayList<>();
		if (story != null) {
			count = (story.hits().total() != null) ? story.hits().total().value() : story.hits().hits().size();
			for (Hit<JsonData> copy : story.hits().hits()) {
				if (copy.id().equals(hit.id()) || copy.source() == null
						|| others.size() >= this.properties.ranking().maxOtherSources()) {
					continue;
				}
				StoredArticle other = copy.source().to(StoredArticle.class);
				others.add(new SearchResult.OtherSource(copy.id(), other.source(), other.url(), other.title(),
						other.publishedAt()));
			}
		}
		return hit(hit, article, count, others);
	}

	private static SearchResult.Hit hit(Hit<StoredArticle> hit, StoredArticle article, long storyCount,
			List<SearchResult.OtherSource> others) {
		return new SearchResult.Hit(hit.id(), article.title(), article.url(), article.source(), article.author(),
				article.publishedAt(), snippet(hit, article), article.tagList(), article.storyId(), storyCount,
				others);
	}

	/** The user's query and the filters, scored by BM25F and recency (relevance) or not scored (recent). */
	Query query(SearchQuery query) {
		BoolQuery.Builder bool = new BoolQuery.Builder();
		bool.must(this.compiler.compile(query.query()));
		filters(query).forEach(bool::filter);
		Query matching = Query.of((q) -> q.bool(bool.build()));
		SearchProperties.Ranking ranking = this.properties.ranking();
		if (effectiveSort(query) == SearchQuery.Sort.RECENT || ranking.recencyWeight() == 0) {
			return matching;
		}
		FunctionScore decay = FunctionScore.of((f) -> {
			f.weight(ranking.recencyWeight());
			Function<DecayFunction.Builder, ObjectBuilder<DecayFunction>> function = (d) -> d
				.date((date) -> date.field("publishedAt")
					.placement((p) -> p.origin(query.now().toString())
						.scale(time(ranking.recencyScale()))
						.offset(time(ranking.recencyOffset()))
						.decay(ranking.recencyDecay())));
			return (ranking.recencyFunction() == SearchProperties.DecayFunction.EXP) ? f.exp(function)
					: f.gauss(function);
		});
		FunctionScore floor = FunctionScore.of((f) -> f.filter((q) -> q.matchAll((m) -> m))
			.weight(1 - ranking.recencyWeight()));
		return Query.of((q) -> q.functionScore((fs) -> fs.query(matching)
			.functions(decay, floor)
			.scoreMode(FunctionScoreMode.Sum)
			.boostMode(FunctionBoostMode.Multiply)));
	}

	private static List<Query> filters(SearchQuery query) {
		List<Query> filters = new ArrayList<>();
		if (query.source() != null) {
			filters.add(Query.of((q) -> q.term((t) -> t.field("source").value(query.source()).caseInsensitive(true))));
		}
		if (query.tag() != null) {
			filters.add(Query.of((q) -> q.term((t) -> t.field("tags").value(query.tag()).caseInsensitive(true))));
		}
		if (query.language() != null) {
			filters.add(Query.of((q) -> q.term((t) -> t.field("language").value(query.language()))));
		}
		if (query.from() != null || query.to() != null) {
			filters.add(Query.of((q) -> q.range((range) -> range.date((date) -> {
				date.field("publishedAt");
				if (query.from() != null) {
					date.gte(query.from().toString());
				}
				if (query.to() != null) {
					date.lt(query.to().toString());
				}
				return date;
			}))));
		}
		return filters;
	}

	/** An empty query has no relevance to speak of: it lists the newest articles first. */
	private static SearchQuery.Sort effectiveSort(SearchQuery query) {
		return (query.query() instanceof QueryNode.All) ? SearchQuery.Sort.RECENT : query.sort();
	}

	private static List<SortOptions> sort(SearchQuery query) {
		SortOptions first = (effectiveSort(query) == SearchQuery.Sort.RECENT)
				? SortOptions.of((s) -> s.field((f) -> f.field("publishedAt").order(SortOrder.Desc)))
				: SortOptions.of((s) -> s.score((score) -> score.order(SortOrder.Desc)));
		return List.of(first, SortOptions.of((s) -> s.field((f) -> f.field("_shard_doc").order(SortOrder.Asc))));
	}

	private Map<String, Aggregation> facetAggregations(SearchQuery query) {
		Map<String, Aggregation> aggregations = new LinkedHashMap<>();
		TERM_FACETS.forEach((name, field) -> aggregations.put(name, Aggregation
			.of((agg) -> agg.terms((terms) -> terms.field(field).size(this.properties.facets().size())))));
		Instant end = (query.to() != null) ? query.to() : query.now();
		Instant start = (query.from() != null) ? query.from() : end.minus(Duration.ofDays(this.properties.facets().days()));
		Instant earliest = end.minus(Duration.ofDays(this.properties.facets().maxDays()));
		Instant windowStart = start.isBefore(earliest) ? earliest : start;
		String firstDay = LocalDate.ofInstant(windowStart, ZoneOffset.UTC).toString();
		String lastDay = LocalDate.ofInstant(end.minusNanos(1), ZoneOffset.UTC).toString();
		aggregations.put("day", Aggregation.of((agg) -> agg
			.filter((f) -> f.range((range) -> range.date((date) -> date.field("publishedAt")
				.gte(windowStart.toString())
				.lt(end.toString()))))
			.aggregations("days", Aggregation.of((days) -> days.dateHistogram((histogram) -> histogram.field("publishedAt")
				.calendarInterval(CalendarInterval.Day)
				.format("yyyy-MM-dd")
				.minDocCount(0)
				.extendedBounds((bounds) -> bounds.min(FieldDateMath.of((m) -> m.expr(firstDay)))
					.max(FieldDateMath.of((m) -> m.expr(lastDay)))))))));
		return aggregations;
	}

	private static Map<String, List<SearchResult.FacetValue>> facets(SearchResponse<StoredArticle> response) {
		Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
		for (String name : FACET_NAMES) {
			Aggregate aggregate = response.aggregations().get(name);
			facets.put(name, (aggregate != null) ? buckets(aggregate) : List.of());
		}
		return facets;
	}

	private static List<SearchResult.FacetValue> buckets(Aggregate aggregate) {
		List<SearchResult.FacetValue> values = new ArrayList<>();
		if (aggregate.isSterms()) {
			for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
				values.add(new SearchResult.FacetValue(bucket.key().stringValue(), bucket.docCount()));
			}
		}
		else if (aggregate.isFilter()) {
			Aggregate days = aggregate.filter().aggregations().get("days");
			if (days != null && days.isDateHistogram()) {
				for (DateHistogramBucket bucket : days.dateHistogram().buckets().array()) {
					values.add(new SearchResult.FacetValue(bucket.keyAsString(), bucket.docCount()));
				}
			}
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

	private Map<String, List<SearchResult.FacetValue>> emptyFacets() {
		Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
		FACET_NAMES.forEach((name) -> facets.put(name, List.of()));
		return facets;
	}

	private SearchResult empty() {
		return new SearchResult(0, 0, List.of(), emptyFacets(), null);
	}

	private Time keepAlive() {
		return time(this.properties.cursor().keepAlive());
	}

	private static Time time(Duration duration) {
		return Time.of((t) -> t.time(duration.toMillis() + "ms"));
	}

	/** Releases a point in time that no cursor will use; failures only cost its keep-alive. */
	private void closeQuietly(String pitId) {
		this.elasticsearch.call("close_pit", (client) -> client.closePointInTime((close) -> close.id(pitId)))
			.subscribe(null, (ex) -> logger.debug("Could not close point in time: {}", ex.toString()));
	}

	private static List<FieldValue> fieldValues(List<Object> values) {
		List<FieldValue> fields = new ArrayList<>(values.size());
		for (Object value : values) {
			if (value == null) {
				fields.add(FieldValue.NULL);
			}
			else if (value instanceof Long number) {
				fields.add(FieldValue.of(number));
			}
			else if (value instanceof Double number) {
				fields.add(FieldValue.of(number));
			}
			else if (value instanceof Boolean bool) {
				fields.add(FieldValue.of(bool));
			}
			else {
				fields.add(FieldValue.of(value.toString()));
			}
		}
		return fields;
	}

	private static List<Object> javaValues(List<FieldValue> values) {
		List<Object> java = new ArrayList<>(values.size());
		for (FieldValue value : values) {
			java.add(switch (value._kind()) {
				case Long -> value.longValue();
				case Double -> value.doubleValue();
				case Boolean -> value.booleanValue();
				case Null -> null;
				default -> value._get().toString();
			});
		}
		return java;
	}

}
