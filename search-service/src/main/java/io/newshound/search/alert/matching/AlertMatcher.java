package io.newshound.search.alert.matching;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;

import io.newshound.search.query.LuceneQueryCompiler;
import io.newshound.search.query.QueryNode;

/**
 * Matches one article at a time against every registered alert query with Lucene Monitor: the article becomes a
 * one-document in-memory index analysed as Elasticsearch analyses it ({@link AlertAnalysis}), and only the queries
 * that the presearcher selects for its terms are run, so the cost follows the alerts that could match rather than
 * all of them. Usable without Spring (the benchmark builds one with 10,000 queries); {@link Mode#BRUTE_FORCE} runs
 * every query for comparison. Thread-safe: registration and matching may happen concurrently. Matching is blocking
 * CPU work, never for an event-loop thread.
 */
public final class AlertMatcher implements Closeable {

	/** How candidate queries are chosen. */
	public enum Mode {

		/**
		 * {@link MultipassTermFilteredPresearcher} (two passes): a query is run only when the article holds terms from
		 * each of its required parts.
		 */
		PRESEARCHER,

		/** Every query for every article (Lucene Monitor's {@link Presearcher#NO_FILTERING}). */
		BRUTE_FORCE

	}

	/** An alert's query and filters, as {@link #register} takes them. */
	public record AlertQuery(String id, QueryNode query, Collection<String> sources, Collection<String> tags,
			String language) {

		public AlertQuery {
			sources = List.copyOf(sources);
			tags = List.copyOf(tags);
		}

	}

	private final LuceneQueryCompiler compiler;

	private final Monitor monitor;

	public AlertMatcher(Mode mode) {
		this.compiler = new LuceneQueryCompiler(AlertAnalysis.search(), AlertAnalysis.exact());
		Presearcher presearcher = (mode == Mode.BRUTE_FORCE) ? Presearcher.NO_FILTERING
				: new MultipassTermFilteredPresearcher(2);
		try {
			this.monitor = new Monitor(AlertAnalysis.document(), presearcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("an in-memory monitor cannot fail to open", ex);
		}
	}

	/** Adds alerts, or replaces those with the same id. */
	public void register(Collection<AlertQuery> alerts) {
		List<MonitorQuery> queries = new ArrayList<>(alerts.size());
		for (AlertQuery alert : alerts) {
			queries.add(new MonitorQuery(alert.id(),
					this.compiler.compile(alert.query(), alert.sources(), alert.tags(), alert.language())));
		}
		try {
			this.monitor.register(queries);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void register(AlertQuery alert) {
		register(List.of(alert));
	}

	/** Removes an alert; unknown ids are ignored. */
	public void remove(String id) {
		try {
			this.monitor.deleteById(id);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The ids of the alerts that match the article. */
	public Set<String> match(MatchableArticle article) {
		try {
			MatchingQueries<QueryMatch> matches = this.monitor.match(document(article), QueryMatch.SIMPLE_MATCHER);
			if (!matches.getErrors().isEmpty()) {
				throw new IllegalStateException("alert queries failed on article " + article.articleId() + ": "
						+ matches.getErrors());
			}
			Set<String> ids = new java.util.HashSet<>();
			for (QueryMatch match : matches.getMatches()) {
				ids.add(match.getQueryId());
			}
			return ids;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How many alerts are registered. */
	public int size() {
		try {
			return this.monitor.getQueryCount();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Document document(MatchableArticle article) {
		Document document = new Document();
		addText(document, LuceneQueryCompiler.TEXT, article.title());
		addText(document, LuceneQueryCompiler.TEXT, article.summary());
		addText(document, LuceneQueryCompiler.TEXT, article.body());
		addText(document, LuceneQueryCompiler.TITLE, article.title());
		addText(document, LuceneQueryCompiler.TITLE_EXACT, article.title());
		addText(document, LuceneQueryCompiler.SUMMARY_EXACT, article.summary());
		addText(document, LuceneQueryCompiler.BODY_EXACT, article.body());
		if (article.source() != null) {
			document.add(new StringField(LuceneQueryCompiler.SOURCE, LuceneQueryCompiler.lower(article.source()),
					Field.Store.NO));
		}
		for (String tag : article.tags()) {
			document.add(new StringField(LuceneQueryCompiler.TAGS, LuceneQueryCompiler.lower(tag), Field.Store.NO));
		}
		if (article.language() != null) {
			document.add(new StringField(LuceneQueryCompiler.LANGUAGE, article.language(), Field.Store.NO));
		}
		return document;
	}

	private static void addText(Document document, String field, String value) {
		if (value != null) {
			document.add(new TextField(field, value, Field.Store.NO));
		}
	}

	@Override
	public void close() {
		try {
			this.monitor.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
