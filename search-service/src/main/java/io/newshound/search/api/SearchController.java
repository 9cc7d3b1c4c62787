package io.newshound.search.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search}: parameters and response as DESIGN.md specifies. */
@RestController
@Tag(name = "search", description = "Full-text search over the indexed articles")
class SearchController {

	private final SearchQueryParser parser;

	private final ArticleSearch search;

	SearchController(SearchQueryParser parser, ArticleSearch search) {
		this.parser = parser;
		this.search = search;
	}

	@GetMapping(path = "/api/search", produces = "application/json")
	@Operation(summary = "Search articles", description = """
			One page of stories, best first. Near-duplicates (one story carried by several sources) are one hit with \
			storyCount and otherSources. Follow nextCursor for the next page (same parameters, plus cursor); \
			a page may hold fewer than size hits, only a null nextCursor means there are no more.""")
	@ApiResponse(responseCode = "200", description = "A page of results")
	@ApiResponse(responseCode = "400", description = "A parameter is invalid; 'parameter' names it",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "429", description = "Too many requests from this client; see Retry-After",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	@ApiResponse(responseCode = "503", description = "Elasticsearch is unavailable or too slow; see Retry-After",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	Mono<SearchResult> search(@Parameter(description = """
			Words (all must match, stemmed, with AI synonyms), "exact phrases", AND, OR (or |), NOT (or -word), \
			prefix* (3+ letters), (grouping), title:, source:, tag: scopes. Empty: every article, newest first.""",
			example = "anthropic -claude") @RequestParam(required = false) String q,
			@Parameter(description = "Exact source name (case-insensitive)") @RequestParam(required = false) String source,
			@Parameter(description = "Exact tag (case-insensitive)") @RequestParam(required = false) String tag,
			@Parameter(description = "ISO 639-1 language code", example = "en") @RequestParam(required = false) String lang,
			@Parameter(description = "Published at or after: 2026-11-01, 2026-11-01T08:00:00Z, or an age: 24h, 7d, 2w",
					example = "7d") @RequestParam(required = false) String from,
			@Parameter(description = "Published before: a date, an instant or an age, as for 'from'") @RequestParam(required = false) String to,
			@Parameter(description = "relevance (default) or recent",
					schema = @Schema(allowableValues = { "relevance", "recent" })) @RequestParam(required = false) String sort,
			@Parameter(description = "Stories per page, 1 to 100 (default 10)") @RequestParam(required = false) String size,
			@Parameter(description = "nextCursor of the previous page") @RequestParam(required = false) String cursor) {
		return Mono.fromSupplier(() -> this.parser.parse(q, source, tag, lang, from, to, sort, size, cursor))
			.flatMap(this.search::search);
	}

}
