package io.newshound.indexer.ingest;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

import io.newshound.events.ArticleEvent;
import io.newshound.indexer.enrich.ArticleEnricher;
import io.newshound.indexer.index.ArticleDocument;

/**
 * Enriches articles ({@link ArticleEnricher}), writes them with one bulk request and classifies each
 * item's outcome.
 *
 * <p>The article id is the document id and the event's update time the external version, with
 * {@code external_gte}: an older event is refused (409, {@link ItemOutcome#STALE}) while a replay of
 * the same version succeeds again, so a retried batch re-announces what it indexed instead of losing
 * it. {@code refresh=wait_for} makes the request return only once the documents are searchable, which
 * is what {@code news.indexed.v1} promises.
 */
class BulkWriter {

	private final ElasticsearchClient client;

	private final String alias;

	private final ArticleEnricher enricher;

	private final Clock clock;

	BulkWriter(ElasticsearchClient client, String alias, ArticleEnricher enricher, Clock clock) {
		this.client = client;
		this.alias = alias;
		this.enricher = enricher;
		this.clock = clock;
	}

	/**
	 * Writes the articles and returns one result per article, in order.
	 * @throws TransientIndexingException when Elasticsearch did not answer
	 */
	List<ItemResult> write(List<ArticleEvent> articles) {
		List<BulkOperation> operations = new ArrayList<>(articles.size());
		for (ArticleEvent article : articles) {
			ArticleDocument document = ArticleDocument.of(article, this.enricher.enrich(article), this.clock.instant());
			operations.add(BulkOperation.of((op) -> op.index((index) -> index.index(this.alias)
				.id(article.articleId())
				.versionType(VersionType.ExternalGte)
				.version(article.updatedAt().toEpochMilli())
				.document(document))));
		}
		BulkResponse response;
		try {
			response = this.client.bulk((bulk) -> bulk.refresh(Refresh.WaitFor).operations(operations));
		}
		catch (IOException ex) {
			throw new TransientIndexingException("Elasticsearch unreachable: " + ex.getMessage(), articles.size(), ex);
		}
		catch (ElasticsearchException ex) {
			if (ItemOutcome.ofStatus(ex.status()) == ItemOutcome.TRANSIENT) {
				throw new TransientIndexingException("Elasticsearch refused the bulk request for now: " + ex.getMessage(),
						articles.size(), ex);
			}
			throw ex;
		}
		List<ItemResult> results = new ArrayList<>(articles.size());
		for (BulkResponseItem item : response.items()) {
			String reason = (item.error() != null) ? item.error().type() + ": " + item.error().reason() : null;
			results.add(new ItemResult(ItemOutcome.ofStatus(item.status()), item.status(), item.index(),
					(item.version() != null) ? item.version() : 0L, reason));
		}
		return results;
	}

	/**
	 * The outcome of one item of a bulk request.
	 *
	 * @param outcome what became of it
	 * @param status HTTP status of the item
	 * @param index concrete index it went to
	 * @param version document version after the write
	 * @param reason Elasticsearch's error type and reason, or {@code null}
	 */
	record ItemResult(ItemOutcome outcome, int status, String index, long version, String reason) {
	}

}
