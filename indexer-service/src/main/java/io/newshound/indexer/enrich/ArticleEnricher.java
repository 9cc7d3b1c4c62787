package io.newshound.indexer.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newshound.events.ArticleEvent;

/**
 * Adds tags, entities, their evidence and the language to an article. Stateless and cheap enough to
 * run again when a batch is retried. Enrichment never holds up indexing: should it fail on an
 * article, the article is indexed with its source's tags and its event's language only.
 */
public class ArticleEnricher {

	private static final Logger logger = LoggerFactory.getLogger(ArticleEnricher.class);

	private final TaxonomyMatcher matcher;

	private final LanguageDetection languages;

	public ArticleEnricher(TaxonomyMatcher matcher, LanguageDetection languages) {
		this.matcher = matcher;
		this.languages = languages;
	}

	public Enrichment enrich(ArticleEvent article) {
		try {
			return enrichOrFail(article);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not enrich article {} ({}); indexing it with its source's tags only",
					article.articleId(), ex.toString());
			return new Enrichment(article.tags(), List.of(), List.of(), article.language());
		}
	}

	private Enrichment enrichOrFail(ArticleEvent article) {
		TaxonomyMatcher.Matches matches = this.matcher.match(article.title(), article.summary(), article.body());
		Set<String> tags = new LinkedHashSet<>(article.tags());
		tags.addAll(matches.topics());
		return new Enrichment(new ArrayList<>(tags), matches.entities(), matches.evidence(), language(article));
	}

	/** The event's language when it has one (the crawler's, from the page), otherwise detected. */
	private String language(ArticleEvent article) {
		if (article.language() != null && !article.language().isBlank()) {
			return article.language();
		}
		StringBuilder text = new StringBuilder(article.title()).append(".\n");
		if (article.summary() != null) {
			text.append(article.summary()).append(".\n");
		}
		text.append(article.body());
		return this.languages.detect(text.toString());
	}

}
