package io.newshound.indexer.ingest;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.micrometer.core.instrument.Timer;

import io.newshound.events.ArticleEvent;
import io.newshound.events.EventJson;
import io.newshound.indexer.enrich.ArticleEnricher;
import io.newshound.indexer.index.ArticleDocument;
import io.newshound.indexer.index.DocumentJson;

/**
 * Enriches articles ({@link ArticleEnricher}) into one bulk request, sends it without waiting for the answer, and
 * classifies each item's outcome. The request is not kept: the transport holds its serialised body until the
 * answer, and a retry builds it again.
 *
 * <p>The article id is the document id and the event's update time the external version, with
 * {@code external_gte}: an older event is refused (409, {@link ItemOutcome#STALE}) while a replay of
 * the same version succeeds again, so a retried batch re-announces what it indexed instead of losing
 * it. {@code refresh=wait_for} makes the request complete only once the documents are searchable, which
 * is what {@code news.indexed.v1} promises.
 */
class BulkWriter {

	private final ElasticsearchAsyncClient client;

	private final DocumentJson documents;

	private final String alias;

	private final ArticleEnricher enricher;

	private final Clock clock;

	private final Timer latency;

	BulkWriter(ElasticsearchAsyncClient client, String alias, ArticleEnricher enricher, Clock clock, Timer latency) {
		this.client = client;
		this.documents = new DocumentJson(client._jsonpMapper());
		this.alias = alias;
		this.enricher = enricher;
		this.clock = clock;
		this.latency = latency;
	}

	/**
	 * Enriches the articles into one bulk request (CPU work, on the calling thread) and sends it; the future completes
	 * with one result per article, in order, or fails with {@link TransientIndexingException} when Elasticsearch did
	 * not take the request now.
	 */
	CompletableFuture<List<ItemResult>> index(List<DecodedArticle> articles) {
		return send(request(articles));
	}

	/** {@link #index} again, from the records as consumed (which decoded before, so they decode again). */
	CompletableFuture<List<ItemResult>> indexAgain(List<PendingArticle> articles) {
		return index(articles.stream()
			.map((pending) -> new DecodedArticle(pending, EventJson.read(pending.record().value(), ArticleEvent.class)))
			.toList());
	}

	private BulkRequest request(List<DecodedArticle> decoded) {
		List<BulkOperation> operations = new ArrayList<>(decoded.size());
		for (DecodedArticle each : decoded) {
			ArticleEvent article = each.article();
			BinaryData document = BinaryData.of(this.documents.write(
					ArticleDocument.of(article, this.enricher.enrich(article), this.clock.instant()), each.json()),
					ContentType.APPLICATION_JSON);
			operations.add(BulkOperation.of((op) -> op.index((index) -> index.index(this.alias)
				.id(article.articleId())
				.versionType(VersionType.ExternalGte)
				.version(article.updatedAt().toEpochMilli())
				.document(document))));
		}
		return BulkRequest.of((bulk) -> bulk.refresh(Refresh.WaitFor).operations(operations));
	}

	private CompletableFuture<List<ItemResult>> send(BulkRequest request) {
		int size = request.operations().size();
		Timer.Sample sample = Timer.start();
		CompletableFuture<BulkResponse> response;
		try {
			response = this.client.bulk(request);
		}
		catch (RuntimeException ex) {
			response = CompletableFuture.failedFuture(ex);
		}
		return response.handle((answer, failure) -> {
			sample.stop(this.latency);
			if (failure != null) {
				throw classify(unwrap(failure), size);
			}
			return results(answer);
		});
	}

	private static RuntimeException classify(Throwable failure, int size) {
		if (failure instanceof IOException) {
			return new TransientIndexingException("Elasticsearch unreachable: " + failure.getMessage(), size, failure);
		}
		if (failure instanceof ElasticsearchException ex && ItemOutcome.ofStatus(ex.status()) == ItemOutcome.TRANSIENT) {
			return new TransientIndexingException("Elasticsearch refused the bulk request for now: " + ex.getMessage(),
					size, ex);
		}
		if (failure instanceof RuntimeException ex) {
			return ex;
		}
		return new TransientIndexingException("bulk request failed: " + failure, size, failure);
	}

	private static Throwable unwrap(Throwable failure) {
		Throwable cause = failure;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static List<ItemResult> results(BulkResponse response) {
		List<ItemResult> results = new ArrayList<>(response.items().size());
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
