package io.newshound.search.alert.matching;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.newshound.search.alert.delivery.AlertMatch;

/**
 * Claims in Elasticsearch that make each match happen once although the indexer announces an article at least once:
 * a match's document id is derived from (alert, article), or (alert, story) for once-per-story alerts, and is written
 * with {@code op_type=create}, so a second claim of the same match is refused (409). A claim records the input
 * record (partition, offset of {@code news.indexed.v1}) that made it: when a transaction is aborted and that same
 * record is processed again, its own claim is found and the match is produced again; a claim by another record means
 * a duplicate. The claims are also the alert's match history that the Atom feed lists.
 */
public final class MatchClaims {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** A claim document. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Claim(String alertId, String articleId, String storyId, Instant matchedAt, int claimPartition,
			long claimOffset, AlertMatch match) {
	}

	/** A match to claim, by the input record at {@code partition}/{@code offset}. */
	public record Candidate(AlertMatch match, int partition, long offset) {
	}

	private final ElasticsearchAsyncClient client;

	private final String index;

	public MatchClaims(ElasticsearchAsyncClient client, String index) {
		this.client = client;
		this.index = index;
	}

	/** The match id: 128 bits of SHA-256 over (alert, article), or (alert, story) when {@code storyId} is given. */
	public static String matchId(String alertId, String articleId, String storyId) {
		String key = (storyId != null) ? alertId + "\n" + "story:" + storyId : alertId + "\n" + "article:" + articleId;
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK provides SHA-256", ex);
		}
	}

	/**
	 * Claims the candidates; blocking (call off the event loop).
	 * @return the candidates this input owns: newly claimed, or claimed earlier by the same input record
	 * @throws IllegalStateException when Elasticsearch fails (the caller retries the whole input)
	 */
	public List<Candidate> claim(List<Candidate> candidates) {
		if (candidates.isEmpty()) {
			return List.of();
		}
		Map<String, Candidate> byId = new HashMap<>();
		BulkRequest.Builder bulk = new BulkRequest.Builder().index(this.index);
		for (Candidate candidate : candidates) {
			AlertMatch match = candidate.match();
			if (byId.putIfAbsent(match.matchId(), candidate) != null) {
				continue;
			}
			Claim claim = new Claim(match.alertId(), match.articleId(), match.storyId(), match.matchedAt(),
					candidate.partition(), candidate.offset(), match);
			bulk.operations((op) -> op.create((create) -> create.id(match.matchId()).document(claim)));
		}
		BulkResponse response = await(this.client.bulk(bulk.build()));
		List<Candidate> owned = new ArrayList<>();
		List<String> conflicts = new ArrayList<>();
		for (BulkResponseItem item : response.items()) {
			if (item.status() == 201 || item.status() == 200) {
				owned.add(byId.get(item.id()));
			}
			else if (item.status() == 409) {
				conflicts.add(item.id());
			}
			else {
				ErrorCause error = item.error();
				throw new IllegalStateException("claiming match " + item.id() + " failed with " + item.status()
						+ ((error != null) ? ": " + error.reason() : ""));
			}
		}
		if (!conflicts.isEmpty()) {
			MgetResponse<Claim> existing = await(
					this.client.mget((m) -> m.index(this.index).ids(conflicts), Claim.class));
			for (MultiGetResponseItem<Claim> item : existing.docs()) {
				if (!item.isResult() || !item.result().found() || item.result().source() == null) {
					throw new IllegalStateException("claim " + conflicts + " conflicted but cannot be read");
				}
				Claim claim = item.result().source();
				Candidate candidate = byId.get(item.result().id());
				if (claim.claimPartition() == candidate.partition() && claim.claimOffset() == candidate.offset()) {
					owned.add(new Candidate(claim.match(), candidate.partition(), candidate.offset()));
				}
			}
		}
		return owned;
	}

	/** The alert's latest claimed matches, newest first, without blocking. */
	public CompletableFuture<List<AlertMatch>> latest(String alertId, int size) {
		return this.client.search((s) -> s.index(this.index)
			.size(size)
			.query((q) -> q.term((t) -> t.field("alertId").value(alertId)))
			.sort((sort) -> sort.field((f) -> f.field("matchedAt").order(SortOrder.Desc))), Claim.class)
			.thenApply((response) -> {
				List<AlertMatch> matches = new ArrayList<>();
				response.hits().hits().forEach((hit) -> {
					if (hit.source() != null) {
						matches.add(hit.source().match());
					}
				});
				return matches;
			});
	}

	/** Creates the claims index when missing; blocking. */
	public void createIndex() {
		boolean exists = await(this.client.indices().exists((e) -> e.index(this.index))).value();
		if (exists) {
			return;
		}
		try {
			await(this.client.indices()
				.create((c) -> c.index(this.index)
					.settings((s) -> s.numberOfShards("1").autoExpandReplicas("0-1"))
					.mappings((m) -> m.dynamic(co.elastic.clients.elasticsearch._types.mapping.DynamicMapping.False)
						.properties("alertId", (p) -> p.keyword((k) -> k))
						.properties("articleId", (p) -> p.keyword((k) -> k))
						.properties("storyId", (p) -> p.keyword((k) -> k))
						.properties("matchedAt", (p) -> p.date((d) -> d))
						.properties("claimPartition", (p) -> p.integer((i) -> i))
						.properties("claimOffset", (p) -> p.long_((l) -> l))
						.properties("match", (p) -> p.object((o) -> o.enabled(false))))));
		}
		catch (IllegalStateException ex) {
			if (!String.valueOf(ex.getMessage()).contains("resource_already_exists")) {
				throw ex;
			}
		}
	}

	static <T> T await(CompletableFuture<T> future) {
		try {
			return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Elasticsearch failed: " + ex.getCause(), ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Elasticsearch did not answer in " + TIMEOUT.toSeconds() + " s", ex);
		}
	}

}
