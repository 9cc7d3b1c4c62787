package io.newshound.search.api;

import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/articles/{id}}, {@code /api/articles/{id}/related} and {@code /api/suggest}. */
@RestController
@Tag(name = "articles", description = "Single articles, related stories and completions")
class ArticleController {

	private static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final int MIN_PREFIX = 2;

	private static final int MAX_PREFIX = 100;

	private final ArticleLookup lookup;

	ArticleController(ArticleLookup lookup) {
		this.lookup = lookup;
	}

	@GetMapping(path = "/api/articles/{id}", produces = "application/json")
	@Operation(summary = "One article, with its body")
	@ApiResponse(responseCode = "200", description = "The article")
	@ApiResponse(responseCode = "404", description = "No article has this id",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	Mono<ArticleView> article(@Parameter(description = "Article id (32 hex digits)") @PathVariable String id) {
		return Mono.fromSupplier(() -> id(id)).flatMap(this.lookup::article);
	}

	@GetMapping(path = "/api/articles/{id}/related", produces = "application/json")
	@Operation(summary = "Other stories like this article (more-like-this)")
	@ApiResponse(responseCode = "200", description = "Related articles, most similar first")
	@ApiResponse(responseCode = "404", description = "No article has this id",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	Mono<RelatedResult> related(@Parameter(description = "Article id") @PathVariable String id,
			@Parameter(description = "Related articles to return, 1 to 20 (default 5)") @RequestParam(required = false) String size) {
		return Mono.fromSupplier(() -> id(id)).flatMap((valid) -> this.lookup.related(valid, size(size)));
	}

	@GetMapping(path = "/api/suggest", produces = "application/json")
	@Operation(summary = "Completions: entities and headlines for what the user is typing")
	@ApiResponse(responseCode = "200", description = "Entities and titles")
	@ApiResponse(responseCode = "400", description = "'prefix' is missing, shorter than 2 or longer than 100 characters",
			content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
	Mono<SuggestResult> suggest(@Parameter(description = "What the user typed so far, at least 2 characters",
			example = "ant") @RequestParam(required = false) String prefix) {
		return Mono.fromSupplier(() -> prefix(prefix)).flatMap(this.lookup::suggest);
	}

	private static String id(String id) {
		if (id == null || !ARTICLE_ID.matcher(id).matches()) {
			throw new InvalidParameterException("id", "must be an article id (letters, digits, '-' or '_', at most 64)");
		}
		return id;
	}

	private static int size(String size) {
		if (size == null || size.isBlank()) {
			return 5;
		}
		try {
			int value = Integer.parseInt(size.strip());
			if (value >= 1 && value <= ArticleLookup.MAX_RELATED) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new InvalidParameterException("size", "must be a whole number from 1 to " + ArticleLookup.MAX_RELATED);
	}

	private static String prefix(String prefix) {
		String text = (prefix != null) ? prefix.strip() : "";
		if (text.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidParameterException("prefix", "contains control characters");
		}
		if (text.length() < MIN_PREFIX || text.length() > MAX_PREFIX) {
			throw new InvalidParameterException("prefix",
					"must be from " + MIN_PREFIX + " to " + MAX_PREFIX + " characters long, was " + text.length());
		}
		return text;
	}

}
