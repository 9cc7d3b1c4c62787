package io.newshound.search.api;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search}: parameters and response as DESIGN.md specifies. */
@RestController
class SearchController {

	private final SearchQueryParser parser;

	private final ArticleSearch search;

	SearchController(SearchQueryParser parser, ArticleSearch search) {
		this.parser = parser;
		this.search = search;
	}

	@GetMapping("/api/search")
	Mono<SearchResult> search(@RequestParam(required = false) String q, @RequestParam(required = false) String source,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String lang,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String size) {
		return Mono.fromSupplier(() -> this.parser.parse(q, source, tag, lang, from, to, sort, size))
			.flatMap(this.search::search);
	}

}
