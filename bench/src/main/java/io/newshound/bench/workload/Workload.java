package io.newshound.bench.workload;

import java.time.Instant;
import java.util.stream.Stream;

import io.newshound.corpus.BodyLength;
import io.newshound.corpus.NewsCorpus;
import io.newshound.events.ArticleEvent;

/** The benchmarks' articles: the news-corpus generator at full length, streamed. */
public final class Workload {

	/** A different seed and a later anchor: new articles for the freshness run, none of the indexed ones. */
	private static final long FRESH_SEED = NewsCorpus.SEED + 1;

	/** Yet another seed: figure 4's articles are neither the corpus nor figure 2's. */
	private static final long ALERTING_SEED = NewsCorpus.SEED + 2;

	/** And one more: figure 1's warm-up articles, indexed and dropped before the corpus is. */
	private static final long WARM_UP_SEED = NewsCorpus.SEED + 3;

	private Workload() {
	}

	/** The corpus that figures 1 and 3 index and search. */
	public static Stream<ArticleEvent> articles(int size) {
		return NewsCorpus.stream(NewsCorpus.SEED, size, NewsCorpus.ANCHOR, BodyLength.FULL);
	}

	/** Articles that are not in {@link #articles(int)}, for the freshness run. */
	public static Stream<ArticleEvent> fresh(int size) {
		return NewsCorpus.stream(FRESH_SEED, size + NewsCorpus.minimumSize(), Instant.now(), BodyLength.FULL)
			.skip(NewsCorpus.minimumSize());
	}

	/** Articles like the corpus's, in none of the others, that warm the pipeline up before figure 1 measures it. */
	public static Stream<ArticleEvent> warmUp(int size) {
		return NewsCorpus.stream(WARM_UP_SEED, size + NewsCorpus.minimumSize(), NewsCorpus.ANCHOR, BodyLength.FULL)
			.skip(NewsCorpus.minimumSize());
	}

	/** New articles, in neither of the above, for figure 4's alert delivery run. */
	public static Stream<ArticleEvent> alerting(int size) {
		return NewsCorpus.stream(ALERTING_SEED, size + NewsCorpus.minimumSize(), Instant.now(), BodyLength.FULL)
			.skip(NewsCorpus.minimumSize());
	}

}
