package io.newshound.search.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.search.Hit;
import reactor.core.publisher.Mono;

import io.newshound.search.SearchProperties;

/**
 * Single articles and what hangs off them: {@code GET /api/articles/{id}}, its related stories (more-like-this) and
 * completions for a typed prefix. Reads by search (an {@code ids} query) rather than {@code GET _doc}, so that the
 * alias may point at several indices during a migration.
 */
class ArticleLookup {

	static final int MAX_RELATED = 20;

	private static final int SUGGESTIONS = 5;

	private final ElasticsearchCalls elasticsearch;

	private final SearchProperties properties;

	ArticleLookup(ElasticsearchCalls elasticsearch, SearchProperties properties) {
		this.elasticsearch = elasticsearch;
		this.properties = properties;
	}

	Mono<ArticleView> article(String id) {
		return this.elasticsearch.guarded(find(id).map((hit) -> ArticleView.of(hit.id(), hit.source())));
	}

	private Mono<Hit<StoredArticle>> find(String id) {
		SearchRequest request = SearchRequest.of((search) -> search.index(this.properties.alias())
			.timeout(ElasticsearchCalls.searchTimeout(this.properties))
			.query((q) -> q.ids((ids) -> ids.values(id)))
			.size(1));
		return this.elasticsearch.call("get", (client) -> client.search(request, StoredArticle.class))
			.onErrorResume(ElasticsearchCalls::isMissingIndex, (ex) -> Mono.error(new ArticleNotFoundException(id)))
			.flatMap((response) -> {
				this.elasticsearch.took("get", response.took());
				List<Hit<StoredArticle>> hits = response.hits().hits();
				if (hits.isEmpty() || hits.get(0).source() == null) {
					return Mono.error(new ArticleNotFoundException(id));
				}
				return Mono.just(hits.get(0));
			});
	}

	Mono<RelatedResult> related(String id, int size) {
		return this.elasticsearch.guarded(find(id).flatMap((hit) -> {
			String story = hit.source().storyId();
			SearchRequest request = SearchRequest.of((search) -> search.index(this.properties.alias())
			.timeout(ElasticsearchCalls.searchTimeout(this.properties))
				.query((q) -> q.bool((b) -> {
					b.must((must) -> must.moreLikeThis((mlt) -> mlt.fields("title", "summary", "body")
						.like((like) -> like.document((doc) -> doc.index(hit.index()).id(hit.id())))
						.minTermFreq(1)
						.minDocFreq(2)
						.maxQueryTerms(25)
						.minimumShouldMatch("30%")));
					b.mustNot((not) -> not.ids((ids) -> ids.values(hit.id())));
					if (story != null) {
						b.mustNot((not) -> not.term((t) -> t.field("storyId").value(story)));
					}
					return b;
				}))
				.size(size * 3)
				.source((source) -> source.filter((filter) -> filter.includes(StoredArticle.LISTING_FIELDS))));
			return this.elasticsearch.call("related", (client) -> client.search(request, StoredArticle.class))
				.map((response) -> {
					this.elasticsearch.took("related", response.took());
					List<RelatedResult.Related> related = new ArrayList<>();
					Set<String> stories = new HashSet<>();
					for (Hit<StoredArticle> other : response.hits().hits()) {
						StoredArticle article = other.source();
						if (article == null || related.size() == size
								|| (article.storyId() != null && !stories.add(article.storyId()))) {
							continue;
						}
						related.add(new RelatedResult.Related(other.id(), article.title(), article.url(),
								article.source(), article.publishedAt(), article.tagList(), article.storyId()));
					}
					return new RelatedResult(hit.id(), related);
				});
		}));
	}

	Mono<SuggestResult> suggest(String prefix) {
		String lower = prefix.toLowerCase(Locale.ROOT);
		SearchRequest entities = SearchRequest.of((search) -> search.index(this.properties.alias())
			.timeout(ElasticsearchCalls.searchTimeout(this.properties))
			.size(0)
			.query((q) -> q.prefix((p) -> p.field("entities").value(prefix).caseInsensitive(true)))
			.aggregations("entities", (agg) -> agg.terms((terms) -> terms.field("entities").size(50))));
		SearchRequest titles = SearchRequest.of((search) -> search.index(this.properties.alias())
			.timeout(ElasticsearchCalls.searchTimeout(this.properties))
			.size(SUGGESTIONS * 3)
			.query((q) -> q.bool((b) -> b
				.must((must) -> must.matchPhrasePrefix((m) -> m.field("title.exact")
					.query(prefix)
					.maxExpansions(this.properties.prefixExpansions())))
				.should((should) -> should.prefix((p) -> p.field("title.raw").value(prefix).caseInsensitive(true)))))
			.sort(SortOptions.of((s) -> s.score((score) -> score.order(SortOrder.Desc))),
					SortOptions.of((s) -> s.field((f) -> f.field("publishedAt").order(SortOrder.Desc))))
			.source((source) -> source.filter((filter) -> filter.includes("title", "storyId"))));
		Mono<List<SearchResult.FacetValue>> entityValues = this.elasticsearch
			.call("suggest", (client) -> client.search(entities, Void.class))
			.map((response) -> {
				this.elasticsearch.took("suggest", response.took());
				List<SearchResult.FacetValue> values = new ArrayList<>();
				Aggregate aggregate = response.aggregations().get("entities");
				if (aggregate != null && aggregate.isSterms()) {
					for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
						String value = bucket.key().stringValue();
						if (values.size() < SUGGESTIONS && value.toLowerCase(Locale.ROOT).startsWith(lower)) {
							values.add(new SearchResult.FacetValue(value, bucket.docCount()));
						}
					}
				}
				return values;
			});
		Mono<List<SuggestResult.Title>> titleValues = this.elasticsearch
			.call("suggest", (client) -> client.search(titles, StoredArticle.class))
			.map((response) -> {
				this.elasticsearch.took("suggest", response.took());
				List<SuggestResult.Title> values = new ArrayList<>();
				Set<String> stories = new HashSet<>();
				for (Hit<StoredArticle> hit : response.hits().hits()) {
					StoredArticle article = hit.source();
					if (article == null || values.size() == SUGGESTIONS
							|| (article.storyId() != null && !stories.add(article.storyId()))) {
						continue;
					}
					values.add(new SuggestResult.Title(hit.id(), article.title()));
				}
				return values;
			});
		return this.elasticsearch.guarded(Mono.zip(entityValues, titleValues)
			.map((both) -> new SuggestResult(prefix, both.getT1(), both.getT2()))
			.onErrorResume(ElasticsearchCalls::isMissingIndex,
					(ex) -> Mono.just(new SuggestResult(prefix, List.of(), List.of()))));
	}


}
