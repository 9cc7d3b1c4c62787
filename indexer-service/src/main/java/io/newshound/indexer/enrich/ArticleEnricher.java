package io.newshound.indexer.enrich;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.newshound.events.ArticleEvent;

/**
 * Adds tags, entities, their evidence, the language and the reading time to an article. Stateless and cheap enough
 * to run again when a batch is retried. Enrichment never holds up indexing: should it fail on an article, the article
 * is indexed with its source's tags, its event's language and its reading time only.
 */
public class ArticleEnricher {

	private static final int WORDS_PER_MINUTE = 230;

	private static final Logger logger = LoggerFactory.getLogger(ArticleEnricher.class);

	private final TaxonomyMatcher matcher;

	private final LanguageDetection languages;

	public ArticleEnricher(TaxonomyMatcher matcher, LanguageDetection languages) {
		this.matcher = matcher;
		this.languages = languages;
	}

	public Enrichment enrich(ArticleEvent article) {
		// the body is split once, for the matcher and the reading time: a second pass over it, counting words apart,
		// was a tenth of the indexer's CPU (JFR, bench figure 1)
		Words body = Words.of(article.body());
		int minutes = readingMinutes(body.size());
		try {
			return enrichOrFail(article, body, minutes);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not enrich article {} ({}); indexing it with its source's tags only",
					article.articleId(), ex.toString());
			return new Enrichment(article.tags(), List.of(), List.of(), article.language(), minutes);
		}
	}

	private Enrichment enrichOrFail(ArticleEvent article, Words body, int minutes) {
		TaxonomyMatcher.Matches matches = this.matcher.match(article.title(), article.summary(), body);
		Set<String> tags = new LinkedHashSet<>(article.tags());
		tags.addAll(matches.topics());
		return new Enrichment(new ArrayList<>(tags), matches.entities(), matches.evidence(), language(article),
				minutes);
	}

	/** Minutes at 230 words a minute, at least one; a word is a run of letters and digits ({@link Words}). */
	static int readingMinutes(int words) {
		return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
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
