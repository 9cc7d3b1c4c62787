package io.newshound.bench.indexing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

import io.newshound.bench.BenchContext;
import io.newshound.bench.report.Figure;
import io.newshound.bench.report.Metric;
import io.newshound.bench.report.Target;
import io.newshound.bench.stack.BenchException;
import io.newshound.bench.stack.Pause;
import io.newshound.bench.stack.ServiceProcess;
import io.newshound.bench.workload.ArticleProducer;
import io.newshound.bench.workload.Workload;
import io.newshound.events.ArticleEvent;

/**
 * Figure 1: the indexer's articles/s from Kafka into Elasticsearch, against plain {@code _bulk} requests of the
 * same documents into an index with the same settings and mappings on the same node, by the best of a few bulk
 * settings tried first on part of the corpus.
 *
 * <p>The corpus is published to {@code news.articles.v1} before the indexer starts, so the indexer is measured
 * draining a full topic: from the first {@code news.indexed.v1} announcement to the last.
 */
public final class IndexingFigure {

	static final String CONCRETE_INDEX = "news-articles-v1";

	private static final String BULK_LATENCY = "newshound.indexer.bulk.latency";

	/**
	 * Elasticsearch's two write threads idle between a request's answer and the next one unless more requests wait in
	 * its queue: the bare consumer, with 40 MB in flight, beat 5 and 10 MB requests 2 at a time (1 MB requests, or 1 in
	 * flight, were slower still).
	 */
	private static final List<RawBulkLoad.Settings> CANDIDATES = List.of(new RawBulkLoad.Settings(5 << 20, 2),
			new RawBulkLoad.Settings(10 << 20, 2), new RawBulkLoad.Settings(5 << 20, 4),
			new RawBulkLoad.Settings(5 << 20, 8));

	private IndexingFigure() {
	}

	/** Publishes the corpus, starts the indexer (left running for the next figures) and measures both sides. */
	public static Figure run(BenchContext context, List<String> indexerArguments) {
		int size = context.options().corpusSize();
		Figure.Builder figure = new Figure.Builder(1, "Indexing throughput")
			.baseline("raw `_bulk` of the same documents (read back from the indexer's index) into a fresh index with the "
					+ "same settings and mappings, same node, same run, with the best of " + CANDIDATES.size()
					+ " bulk settings tried on part of the corpus");
		RawBulkLoad raw = new RawBulkLoad(context.elasticsearch());
		int warmUpSize = size * 2 / 5;
		WarmIndexer warm = warmUp(context, raw, indexerArguments, warmUpSize);
		ServiceProcess indexer = warm.process();
		try {
			context.console().line("figure 1: publishing " + size + " full-length articles to news.articles.v1");
			publish(context, Workload.articles(size), size);
			context.indexed().reset();
		}
		finally {
			context.console().line("figure 1: resuming indexer-service; it drains the topic");
			indexer.resume();
		}
		context.memory().watch(indexer, "draining " + size + " articles, then 200 articles/s (figures 1, 2)");
		long firstFifth = size / 5;
		CpuTimes[] atFirstFifth = { null };
		awaitAnnounced(context, indexer, size, "articles", (count) -> {
			if (atFirstFifth[0] == null && count >= firstFifth) {
				atFirstFifth[0] = CpuTimes.now();
			}
		});
		CpuTimes atLast = CpuTimes.now();
		CpuTimes fromFirstFifth = (atFirstFifth[0] != null) ? atFirstFifth[0] : atLast;
		Completions announced = new Completions(context.indexed().firstNanos());
		for (long arrival : context.indexed().arrivals()) {
			announced.add(arrival, 1);
		}
		long indexerSettled = raw.awaitMergesSettled(CONCRETE_INDEX);
		CpuTimes atSettled = CpuTimes.now();
		RawBulkLoad.Housekeeping indexerHousekeeping = raw.housekeeping(CONCRETE_INDEX);
		Map<String, Double> drainCores = atLast.coresSince(fromFirstFifth);
		context.console().line("  cores used while draining after the first fifth: " + CpuTimes.describe(drainCores));
		long counted = size - context.indexed().firstPollCount();
		double indexerWhole = announced.rateAfter(context.indexed().firstPollCount());
		double indexerRate = announced.rateAfter(firstFifth);
		double indexerMerged = announced.endingAt(indexerSettled).rateAfter(firstFifth);
		double indexerTail = (indexerSettled - context.indexed().lastNanos()) / 1e9;
		context.console().line(String.format(Locale.ROOT,
				"  indexer: %.0f articles/s; %.0f articles/s after the first %d; merges settled %.1f s after the last "
						+ "announcement", indexerWhole, indexerRate, firstFifth, indexerTail));

		double bulks = indexer.metric(BULK_LATENCY, "COUNT").orElse(0) - warm.bulks();
		double bulkSeconds = indexer.metric(BULK_LATENCY, "TOTAL_TIME").orElse(0) - warm.bulkSeconds();

		Path file = context.stack().data().resolve("documents.ndjson");
		long exported = raw.export(CONCRETE_INDEX, file);
		if (exported != size) {
			throw new BenchException("the indexer's index holds " + exported + " documents, expected " + size);
		}
		RawBulkLoad.Settings best = bestSettings(context, raw, file, Math.min(size, Math.max(2000, size / 10)), figure);
		raw.createLike(CONCRETE_INDEX, "bench-bulk");
		List<long[]> requests = RawBulkLoad.requests(file, best.maxBytes(), size);
		context.console().line("figure 1: raw _bulk of all " + size + " documents, " + best);
		CpuTimes rawStart = CpuTimes.now();
		Completions rawLoad = raw.load(file, requests, "bench-bulk", best);
		CpuTimes rawEnd = CpuTimes.now();
		long rawSettled = raw.awaitMergesSettled("bench-bulk");
		CpuTimes rawAfterMerges = CpuTimes.now();
		RawBulkLoad.Housekeeping rawHousekeeping = raw.housekeeping("bench-bulk");
		raw.deleteQuietly("bench-bulk");
		Map<String, Double> rawCores = rawEnd.coresSince(rawStart);
		context.console().line("  cores used by the baseline's load: " + CpuTimes.describe(rawCores));
		double elasticsearchPerArticle = atSettled.millisSince(fromFirstFifth, "Elasticsearch") / (size - firstFifth);
		double elasticsearchPerDocument = rawAfterMerges.millisSince(rawStart, "Elasticsearch") / size;
		double indexerPerArticle = atLast.millisSince(fromFirstFifth, "indexer-service") / (size - firstFifth);
		double othersPerArticle = (atLast.millisSince(fromFirstFifth, "Kafka broker")
				+ atLast.millisSince(fromFirstFifth, "harness")) / (size - firstFifth);
		double rawWhole = rawLoad.rate();
		double rawRate = rawLoad.rateAfter(firstFifth);
		double rawMerged = rawLoad.endingAt(rawSettled).rateAfter(firstFifth);
		double rawTail = (rawSettled - rawEnd.nanos()) / 1e9;
		context.console().line(String.format(Locale.ROOT,
				"  raw _bulk: %.0f docs/s; %.0f docs/s after the first %d; merges settled %.1f s after the final refresh; "
						+ "ratio %.2f (whole loads %.2f, merges included %.2f)", rawWhole, rawRate, firstFifth, rawTail,
				indexerRate / rawRate, indexerWhole / rawWhole, indexerMerged / rawMerged));
		Ceiling ceiling = bareConsumer(context, raw, file, size);
		double bareRate = ceiling.load().rateAfter(firstFifth);

		if (bulks > 0) {
			figure.metric(Metric.of("indexer bulk requests: articles per request", size / bulks, ""))
				.metric(Metric.of("indexer bulk requests: mean time (enrichment, Elasticsearch, refresh wait)",
						bulkSeconds / bulks, "s"));
		}
		if (indexerRate / rawRate < 0.90) {
			figure.gap(String.format(Locale.ROOT, "The bare consumer splits the gap in two. A consumer that only moves "
					+ "the indexer's finished documents from a topic into _bulk with refresh=wait_for reaches %.2f of the "
					+ "baseline (Elasticsearch's CPU per document %.2f against the baseline's %.2f ms, merges included): "
					+ "what Kafka on these cores and streaming cost before the indexer does anything. The indexer reaches "
					+ "%.2f of the bare consumer: its own work runs on the two cores that Elasticsearch needs, and every "
					+ "millisecond of it comes out of Elasticsearch's share (the 'cores used' note). It used %.2f ms of CPU "
					+ "an article, against the bare consumer's %.2f ms a document in this harness; the Kafka broker and "
					+ "this harness took %.2f ms an article during the drain, the broker %.2f ms a document for the bare "
					+ "consumer: the announcements carry the whole article. Per thread (CPU from /proc over 30 s of three "
					+ "drains, one session): the indexer's consumer thread, which decodes, enriches and writes the "
					+ "documents, 0.13–0.14 cores; Serial GC 0.08–0.09 (0.06 with 20 MB in flight instead of 40: the "
					+ "~100 MB of batches in flight live through the refresh wait and reach the old generation of the "
					+ "300 MB heap, about 40 full collections a drain; G1 took more, 0.48 cores); the JIT's compiler "
					+ "threads 0.06–0.08, still compiling about 30 methods a second 40,000 warm-up articles later; the "
					+ "Elasticsearch and Kafka clients 0.04. ", bareRate / rawRate,
					ceiling.elasticsearchPerDocument(), elasticsearchPerDocument, indexerRate / bareRate,
					indexerPerArticle, ceiling.harnessPerDocument(), othersPerArticle, ceiling.brokerPerDocument())
					+ budget(ceiling, 0.90 * rawRate, bareRate,
							indexerPerArticle + othersPerArticle - ceiling.harnessPerDocument() - ceiling.brokerPerDocument()))
				.gap("Fixed for this figure: the baseline's candidates were 1, 5 and 10 MB requests, 1 or 2 in flight, and "
						+ "the bare consumer, with 40 MB in flight, beat the best of them by 9% (2,130 against 1,956 docs/s): "
						+ "with 2 requests in flight Elasticsearch's two write threads wait between an answer and the next "
						+ "request. The candidates are now 5 MB with 2, 4 and 8 in flight, and 10 MB with 2. The measured "
						+ "drain was the first indexing work of Elasticsearch, the broker and this harness, and their JIT "
						+ "compilers took about a third of a core from it (per-thread CPU from "
						+ "/proc: Elasticsearch's compiler threads at 0.48 cores at its start and still 0.06 at its end), "
						+ "while the baseline ran on a node already warmed; a warm-up drain of other articles now comes first "
						+ "(1,270 → 1,550–1,600 articles/s; Elasticsearch's CPU per document fell to the baseline's). The "
						+ "harness's announcement watcher fetched every 10 ms while idle (the broker's idle CPU 0.10 → 0.05 "
						+ "cores). A resumed partition waited out the container's 5 s poll timeout, leaving Elasticsearch and "
						+ "the indexer idle for 4–5 s at a time; the poll timeout is now 100 ms (960 → 1,250–1,350 articles/s). "
						+ "A batch in flight holds the record's bytes and the document's exact JSON (live bytes per article "
						+ "in flight 28 → 22 kB), and announcements are written around the consumed bytes. A document's body "
						+ "is copied from the event's bytes instead of being escaped and encoded again (Jackson's string "
						+ "writer had been the indexer's largest single cost in JFR; writing a document's JSON takes 1.3–2.1× "
						+ "less time, in-process, both ways in the same JVM). "
						+ "The indexer's bound on what it has in flight was 3,000 records, a bulk request's lifetime "
						+ "includes the refresh wait, and the write pool stood empty for a second at a time between refreshes "
						+ "(a timeline every 0.5 s) with 1.6–1.75 cores used; it is now 40 MB of records (about 5,700 "
						+ "articles; in bytes, so that long articles cannot take the heap): 1.8–1.9 cores used, "
						+ "1,330–1,590 → 1,380–1,700 articles/s. The warm-up drain now runs through the measured indexer "
						+ "itself, suspended while the corpus is published, instead of a fresh JVM whose JIT took 0.07–0.15 "
						+ "cores through the drain (now 0.03–0.09). Earlier: bulk "
						+ "requests of several polls in flight, finished in order; one consumer for all partitions "
						+ "with polls of up to 1,000 records; 512 kB producer batches for the announcements (Kafka's 16 kB "
						+ "halved the throughput); C2 for the indexer's JVM; taxonomy matching on word positions and hashes, "
						+ "over a char array (Words.of, the largest single cost in JFR: 15% → 9% of the indexer's samples), with the "
						+ "reading time counted in the same pass over the body (a second pass was another 9%); together the "
						+ "consumer thread's samples for the same 140,000 articles fell from 931 to 778. "
						+ "Tried and left out: lz4 for both topics (about 1,000 against 1,200 articles/s in back-to-back "
						+ "runs).");
		}
		return figure.metric(Metric.of("indexer, after the first " + firstFifth + " articles", indexerRate, "articles/s"))
			.metric(Metric.of("raw _bulk (" + best + "), after the first " + firstFifth + " documents", rawRate, "docs/s"))
			.metric(Metric.against("ratio indexer / raw _bulk", indexerRate / rawRate, "", Target.atLeast(0.90)))
			.metric(Metric.of("bare consumer (Kafka → `_bulk`, refresh=wait_for, nothing else), after the first "
					+ firstFifth + " documents", bareRate, "docs/s"))
			.metric(Metric.of("ratio bare consumer / raw _bulk: the ceiling with Kafka and refresh waits on these cores",
					bareRate / rawRate, ""))
			.metric(Metric.of("ratio indexer / bare consumer: the indexer's own work",
					indexerRate / bareRate, ""))
			.metric(Metric.of("indexer, whole drain", indexerWhole, "articles/s"))
			.metric(Metric.of("raw _bulk, whole load", rawWhole, "docs/s"))
			.metric(Metric.of("ratio of the whole loads", indexerWhole / rawWhole, ""))
			.metric(Metric.of("ratio with the merges each load set off, until none runs", indexerMerged / rawMerged, ""))
			.metric(Metric.of("indexer: merges settled after the last announcement", indexerTail, "s"))
			.metric(Metric.of("raw _bulk: merges settled after the final refresh", rawTail, "s"))
			.metric(Metric.of("Elasticsearch CPU per article, indexer (after the first fifth, merges included)",
					elasticsearchPerArticle, "ms"))
			.metric(Metric.of("Elasticsearch CPU per document, baseline (merges included)", elasticsearchPerDocument, "ms"))
			.metric(Metric.of("Elasticsearch CPU per document, bare consumer (merges included)",
					ceiling.elasticsearchPerDocument(), "ms"))
			.metric(Metric.of("refreshes, indexer", indexerHousekeeping.refreshes(), ""))
			.metric(Metric.of("refreshes, baseline", rawHousekeeping.refreshes(), ""))
			.metric(Metric.of("documents rewritten by merges per document, indexer",
					(double) indexerHousekeeping.mergedDocuments() / size, ""))
			.metric(Metric.of("documents rewritten by merges per document, baseline",
					(double) rawHousekeeping.mergedDocuments() / size, ""))
			.metric(Metric.of("merge time per document, indexer", (double) indexerHousekeeping.mergeMillis() / size, "ms"))
			.metric(Metric.of("merge time per document, baseline", (double) rawHousekeeping.mergeMillis() / size, "ms"))
			.metric(Metric.of("indexer CPU per article (after the first fifth, its GC included)", indexerPerArticle, "ms"))
			.metric(Metric.of("Kafka broker and harness CPU per article (after the first fifth)", othersPerArticle, "ms"))
			.note(size + " full-length articles (300–1,500 words), " + String.format(Locale.ROOT, "%.0f", fileMb(file))
					+ " MB of bulk NDJSON; the indexer measured from its first news.indexed.v1 announcement ("
					+ counted + " articles after the first poll) to its last, the baseline from its first request to its "
					+ "final _refresh: both until the documents are searchable. Elasticsearch merges on after both; the "
					+ "ratio with the merges counts each side until no merge of its index runs any more, but one large "
					+ "merge more or less at the end moves it by tens of seconds, so it is shown and not the target")
			.note("Cores used (CPU time from the kernel over wall time) while the indexer drained after the first fifth: "
					+ CpuTimes.describe(drainCores) + "; during the baseline's load: " + CpuTimes.describe(rawCores)
					+ "; during the bare consumer's load (which runs in this harness): " + CpuTimes.describe(ceiling.cores())
					+ ".")
			.note("The bare consumer follows the baseline: the indexer's documents, published to " + BareConsumerLoad.TOPIC
					+ " (one record each, 3 partitions), read with the indexer's consumer settings and sent as each poll's "
					+ "bulk requests of up to 5 MB with refresh=wait_for, at most 40 MB in flight, into a fresh index with "
					+ "the same settings and mappings. It does what no indexer can leave out, and nothing else.")
			.note("Both sides are compared at their steady rate, after the first fifth of the documents: documents done "
					+ "after that moment over the time from it to the end, as JMH leaves out its warm-up iterations. Before "
					+ "the measured drain, the indexer drains " + warmUpSize + " other articles, so that it, Elasticsearch, "
					+ "the broker and this harness have compiled their hot paths, as Elasticsearch and this harness have for "
					+ "the baseline, which follows the drain and its own trials; its index is then emptied (dropped and "
					+ "created again) and the indexer suspended (SIGSTOP) while the corpus is published, so the measured "
					+ "drain starts on an empty index and a full topic. The whole loads are shown too.")
			.build();
	}

	/**
	 * What the target leaves the indexer: the CPU an article that the bare consumer's cores could spend on top of
	 * its own at the target rate.
	 * @param target the rate of the target, articles/s
	 * @param bareRate the bare consumer's rate
	 * @param added the CPU per article, ms, that the indexer and its announcements add to the bare consumer's
	 */
	private static String budget(Ceiling ceiling, double target, double bareRate, double added) {
		if (bareRate < target) {
			return "Even the bare consumer stays under the target in this run, so no indexer that decodes, enriches or "
					+ "announces anything can meet it on these two cores.";
		}
		double cores = ceiling.cores().values().stream().mapToDouble(Double::doubleValue).sum();
		return String.format(Locale.ROOT, "To meet the target the indexer could add about %.2f ms of CPU an article to "
				+ "the bare consumer's (the %.2f cores its load used, over the target rate, less the same over its own "
				+ "rate); it adds %.2f, and taxonomy matching alone takes 0.027 ms an article in-process (3,000 corpus "
				+ "articles, warm, on an idle core).", cores * 1000 * (1 / target - 1 / bareRate), cores, added);
	}

	/**
	 * Measures the {@link BareConsumerLoad} of the indexer's documents in {@code file}, from the publishing of its
	 * topic to the end of the merges its load set off.
	 */
	private static Ceiling bareConsumer(BenchContext context, RawBulkLoad raw, Path file, int size) {
		BareConsumerLoad bare = new BareConsumerLoad(context.stack().kafka(), context.elasticsearch());
		context.console().line("figure 1: the bare consumer: publishing the documents to " + BareConsumerLoad.TOPIC);
		bare.publish(file);
		raw.createLike(CONCRETE_INDEX, "bench-bare");
		context.console().line("figure 1: the bare consumer moves them into _bulk with refresh=wait_for");
		try {
			CpuTimes start = CpuTimes.now();
			Completions load = bare.load("bench-bare", size);
			CpuTimes end = CpuTimes.now();
			raw.awaitMergesSettled("bench-bare");
			double elasticsearchPerDocument = CpuTimes.now().millisSince(start, "Elasticsearch") / size;
			Map<String, Double> cores = end.coresSince(start);
			context.console().line(String.format(Locale.ROOT, "  bare consumer: %.0f docs/s; %.0f after the first %d",
					load.rate(), load.rateAfter(size / 5), size / 5) + "; cores used: " + CpuTimes.describe(cores));
			return new Ceiling(load, elasticsearchPerDocument, end.millisSince(start, "harness") / size,
					end.millisSince(start, "Kafka broker") / size, cores);
		}
		finally {
			raw.deleteQuietly("bench-bare");
			bare.deleteTopic();
		}
	}

	/**
	 * What the bare consumer measured.
	 *
	 * @param load when its requests were answered
	 * @param elasticsearchPerDocument Elasticsearch's CPU per document, in ms, until the merges settled
	 * @param harnessPerDocument this harness's CPU per document during the load, the bare consumer's
	 * @param brokerPerDocument the Kafka broker's CPU per document during the load
	 * @param cores the cores each process used during the load
	 */
	private record Ceiling(Completions load, double elasticsearchPerDocument, double harnessPerDocument,
			double brokerPerDocument, Map<String, Double> cores) {
	}

	/**
	 * Loads the first {@code trial} documents of {@code file} with each candidate setting into an index of their own,
	 * notes each rate in the figure, and returns the fastest.
	 */
	private static RawBulkLoad.Settings bestSettings(BenchContext context, RawBulkLoad raw, Path file, long trial,
			Figure.Builder figure) {
		context.console().line("figure 1: trying " + CANDIDATES.size() + " bulk settings on " + trial + " documents");
		RawBulkLoad.Settings best = null;
		double bestRate = 0;
		for (RawBulkLoad.Settings settings : CANDIDATES) {
			raw.createLike(CONCRETE_INDEX, "bench-bulk-trial");
			double rate = raw.load(file, RawBulkLoad.requests(file, settings.maxBytes(), trial), "bench-bulk-trial",
					settings).rate();
			context.console().line(String.format(Locale.ROOT, "  %s: %.0f docs/s", settings, rate));
			figure.note(String.format(Locale.ROOT, "trial of %s on %d documents: %.0f docs/s", settings, trial, rate));
			if (rate > bestRate) {
				bestRate = rate;
				best = settings;
			}
		}
		raw.deleteQuietly("bench-bulk-trial");
		return best;
	}

	/**
	 * Drains other articles through the whole pipeline, then suspends the indexer and empties its index, so that the
	 * measured drain runs on JVMs that have compiled their hot paths, as the baseline's node and client have. Without
	 * it the measured drain was the first indexing work of Elasticsearch, the broker and this harness, and their JITs
	 * took about a third of a core from it (per-thread CPU from /proc: Elasticsearch's compiler threads 0.48 cores at
	 * its start, 0.06 at its end); with a fresh indexer JVM, its own JIT still took 0.07–0.15 cores throughout. The
	 * indexer is suspended rather than stopped so that it cannot start on the corpus while it is being published, and
	 * keeps its compiled code; its consumer's session outlasts the pause.
	 */
	private static WarmIndexer warmUp(BenchContext context, RawBulkLoad raw, List<String> indexerArguments, int size) {
		context.console().line("figure 1: warming the pipeline up on " + size + " other articles");
		publish(context, Workload.warmUp(size), size);
		context.indexed().reset();
		ServiceProcess indexer = context.stack().service("indexer-service", indexerArguments);
		awaitAnnounced(context, indexer, size, "warm-up articles", (count) -> {
		});
		WarmIndexer warm = new WarmIndexer(indexer, indexer.metric(BULK_LATENCY, "COUNT").orElse(0),
				indexer.metric(BULK_LATENCY, "TOTAL_TIME").orElse(0));
		raw.recreateEmpty(CONCRETE_INDEX);
		indexer.suspend();
		context.console().line("  warm-up indexed; its index emptied, the indexer suspended");
		return warm;
	}

	/**
	 * The indexer after the warm-up, suspended.
	 *
	 * @param bulks bulk requests it made during the warm-up
	 * @param bulkSeconds their time together
	 */
	private record WarmIndexer(ServiceProcess process, double bulks, double bulkSeconds) {
	}

	/**
	 * Waits until the indexer has announced {@code size} articles, reporting progress every 10 s and handing the count
	 * to {@code onLook} every 100 ms.
	 */
	private static void awaitAnnounced(BenchContext context, ServiceProcess indexer, int size, String what,
			LongConsumer onLook) {
		long deadline = System.nanoTime() + Duration.ofMinutes(size / 1000 * 2 + 5).toNanos();
		long lastReport = System.nanoTime();
		for (long count = context.indexed().count(); count < size; count = context.indexed().count()) {
			onLook.accept(count);
			if (System.nanoTime() > deadline) {
				throw new BenchException("the indexer announced only " + count + " of " + size + " " + what
						+ " in time; see " + indexer.logFile());
			}
			if (System.nanoTime() - lastReport > 10_000_000_000L) {
				context.console().line("  indexed " + count + "/" + size + " " + what);
				lastReport = System.nanoTime();
			}
			Pause.of(Duration.ofMillis(100));
		}
	}

	private static void publish(BenchContext context, Stream<ArticleEvent> articles, int size) {
		try (ArticleProducer producer = new ArticleProducer(context.stack().kafka())) {
			long[] published = { 0 };
			producer.publish(articles, (article) -> {
				if (++published[0] % (size / 5) == 0) {
					context.console().line("  published " + published[0] + "/" + size);
				}
			});
		}
	}

	private static double fileMb(Path file) {
		try {
			return java.nio.file.Files.size(file) / (1024.0 * 1024.0);
		}
		catch (java.io.IOException ex) {
			return Double.NaN;
		}
	}

}
