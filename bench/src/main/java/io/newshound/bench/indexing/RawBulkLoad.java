package io.newshound.bench.indexing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.newshound.bench.stack.BenchException;
import io.newshound.bench.stack.Elasticsearch;
import io.newshound.bench.stack.Pause;

/**
 * The baseline of figure 1: the documents the indexer wrote, loaded again with plain {@code _bulk} requests
 * into a fresh index with the same settings and mappings, on the same node.
 */
final class RawBulkLoad {

	/**
	 * One way to send bulk requests.
	 *
	 * @param maxBytes largest request body
	 * @param concurrency requests in flight at once
	 */
	record Settings(int maxBytes, int concurrency) {

		@Override
		public String toString() {
			return (this.maxBytes / (1024 * 1024)) + " MB requests, " + this.concurrency + " in flight";
		}

	}

	private final Elasticsearch elasticsearch;

	RawBulkLoad(Elasticsearch elasticsearch) {
		this.elasticsearch = elasticsearch;
	}

	/**
	 * Writes the documents of {@code index} as bulk NDJSON to {@code file} (streamed with {@code search_after}
	 * over a point in time, never all in memory); returns how many.
	 */
	long export(String index, Path file) {
		String pit = this.elasticsearch.post("/" + index + "/_pit?keep_alive=2m", "{}").path("id").asText();
		long documents = 0;
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
			JsonNode after = null;
			while (true) {
				ObjectNode request = Elasticsearch.JSON.createObjectNode();
				request.put("size", 1000);
				request.putObject("pit").put("id", pit).put("keep_alive", "2m");
				request.putArray("sort").addObject().put("_shard_doc", "asc");
				if (after != null) {
					request.set("search_after", after);
				}
				JsonNode response = this.elasticsearch.post("/_search", request.toString());
				pit = response.path("pit_id").asText(pit);
				JsonNode hits = response.path("hits").path("hits");
				if (hits.isEmpty()) {
					break;
				}
				for (JsonNode hit : hits) {
					out.write(("{\"index\":{\"_id\":\"" + hit.path("_id").asText() + "\"}}\n").getBytes(StandardCharsets.UTF_8));
					out.write(hit.path("_source").toString().getBytes(StandardCharsets.UTF_8));
					out.write('\n');
					documents++;
					after = hit.path("sort");
				}
			}
		}
		catch (IOException ex) {
			throw new BenchException("cannot write " + file + ": " + ex.getMessage(), ex);
		}
		return documents;
	}

	/** Creates {@code target} with the settings that matter and the mappings of {@code source}. */
	void createLike(String source, String target) {
		ObjectNode body = definition(this.elasticsearch.get("/" + source).iterator().next());
		deleteQuietly(target);
		this.elasticsearch.put("/" + target, body.toString());
	}

	/** Drops {@code index} and creates it again, empty, with its settings, mappings and aliases. */
	void recreateEmpty(String index) {
		JsonNode existing = this.elasticsearch.get("/" + index).iterator().next();
		ObjectNode body = definition(existing);
		body.set("aliases", existing.path("aliases"));
		this.elasticsearch.delete("/" + index);
		this.elasticsearch.put("/" + index, body.toString());
	}

	private static ObjectNode definition(JsonNode existing) {
		JsonNode settings = existing.path("settings").path("index");
		ObjectNode body = Elasticsearch.JSON.createObjectNode();
		ObjectNode index = body.putObject("settings").putObject("index");
		for (String key : List.of("number_of_shards", "number_of_replicas", "refresh_interval", "analysis")) {
			if (!settings.path(key).isMissingNode()) {
				index.set(key, settings.path(key));
			}
		}
		body.set("mappings", existing.path("mappings"));
		return body;
	}

	/**
	 * Waits until {@code index} has no merge running (three looks in a row, 200 ms apart) and returns the
	 * {@link System#nanoTime()} of the first of those looks. A load is over for Elasticsearch once the segments it
	 * made are merged, and a load's merges run on after its last request.
	 */
	long awaitMergesSettled(String index) {
		long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
		long quietSince = 0;
		int quietLooks = 0;
		while (quietLooks < 3) {
			if (System.nanoTime() > deadline) {
				throw new BenchException("merges of " + index + " still running after 10 minutes");
			}
			long now = System.nanoTime();
			long current = this.elasticsearch.get("/" + index + "/_stats/merge")
				.path("_all").path("primaries").path("merges").path("current").asLong();
			if (current == 0) {
				quietSince = (quietLooks++ == 0) ? now : quietSince;
			}
			else {
				quietLooks = 0;
			}
			Pause.of(Duration.ofMillis(200));
		}
		return quietSince;
	}

	/** The refreshes and merges {@code index} has had (primaries), from its statistics. */
	Housekeeping housekeeping(String index) {
		JsonNode primaries = this.elasticsearch.get("/" + index + "/_stats/refresh,merge").path("_all").path("primaries");
		return new Housekeeping(primaries.path("refresh").path("total").asLong(),
				primaries.path("merges").path("total_docs").asLong(),
				primaries.path("merges").path("total_time_in_millis").asLong());
	}

	/**
	 * What Elasticsearch did to an index besides indexing its documents: each refresh writes a segment of what was
	 * indexed since the last one, and merges rewrite segments into larger ones.
	 *
	 * @param refreshes refreshes so far
	 * @param mergedDocuments documents rewritten by merges so far (a document merged twice counts twice)
	 * @param mergeMillis time the merges took together
	 */
	record Housekeeping(long refreshes, long mergedDocuments, long mergeMillis) {
	}

	void deleteQuietly(String index) {
		try {
			this.elasticsearch.delete("/" + index);
		}
		catch (BenchException ex) {
			// not there
		}
	}

	/**
	 * Where the bulk requests of the first {@code limit} documents of {@code file} begin and end, and how many
	 * documents each holds ({@code {start, end, documents}}), cut at {@code maxBytes}: found before the clock
	 * starts, so that the load only reads bytes from the page cache.
	 */
	static List<long[]> requests(Path file, int maxBytes, long limit) {
		List<long[]> ranges = new ArrayList<>();
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[1 << 20];
			long position = 0;
			long start = 0;
			long lines = 0;
			long documentsBefore = 0;
			int read;
			outer: while ((read = in.read(buffer)) > 0) {
				for (int i = 0; i < read; i++) {
					if (buffer[i] == '\n' && ++lines % 2 == 0) {
						long end = position + i + 1;
						if (end - start >= maxBytes || lines / 2 == limit) {
							ranges.add(new long[] { start, end, lines / 2 - documentsBefore });
							documentsBefore = lines / 2;
							start = end;
						}
						if (lines / 2 == limit) {
							break outer;
						}
					}
				}
				position += read;
			}
			if (lines / 2 < limit && position > start) {
				ranges.add(new long[] { start, position, lines / 2 - documentsBefore });
			}
		}
		catch (IOException ex) {
			throw new BenchException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
		return ranges;
	}

	/**
	 * Sends the bulk requests {@code ranges} of {@code file} into {@code index} and refreshes it, so that the
	 * documents are searchable at the end as the indexer's are; returns when each request was answered, and the end.
	 */
	Completions load(Path file, List<long[]> ranges, String index, Settings settings) {
		ExecutorService senders = Executors.newFixedThreadPool(settings.concurrency());
		Semaphore inFlight = new Semaphore(settings.concurrency());
		List<Future<Long>> sent = new ArrayList<>();
		long start = System.nanoTime();
		try (FileChannel channel = FileChannel.open(file)) {
			for (long[] range : ranges) {
				ByteBuffer body = ByteBuffer.allocate((int) (range[1] - range[0]));
				while (body.hasRemaining()) {
					channel.read(body, range[0] + body.position());
				}
				sent.add(send(senders, inFlight, index, body.array()));
			}
			Completions completions = new Completions(start);
			for (int i = 0; i < sent.size(); i++) {
				completions.add(sent.get(i).get(), ranges.get(i)[2]);
			}
			this.elasticsearch.post("/" + index + "/_refresh");
			return completions.end(System.nanoTime());
		}
		catch (IOException ex) {
			throw new BenchException("cannot read " + file + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchException("interrupted during the bulk load", ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new BenchException("bulk load failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		finally {
			senders.shutdownNow();
		}
	}

	/** Sends one request; the future gives the {@link System#nanoTime()} of its answer. */
	private Future<Long> send(ExecutorService senders, Semaphore inFlight, String index, byte[] body)
			throws InterruptedException {
		inFlight.acquire();
		return senders.submit(() -> {
			try {
				this.elasticsearch.bulk(index, body);
				return System.nanoTime();
			}
			finally {
				inFlight.release();
			}
		});
	}

}
