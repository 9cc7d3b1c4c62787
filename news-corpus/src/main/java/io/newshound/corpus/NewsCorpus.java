package io.newshound.corpus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.newshound.events.ArticleEvent;

/**
 * A deterministic corpus of realistic AI-industry news: the same seed, size and anchor give the same articles,
 * byte for byte, on every machine. It holds the {@link Landmark} articles (hand-written, for relevance checks),
 * then generated stories: launches, funding rounds, partnerships, chips, data centres, policy, research, people
 * and agents, from {@linkplain #sources() eleven fictional sources} (one in German), published over the
 * {@value ArticleGenerator#DAYS} days before the anchor. About a fifth of the stories are syndicated: near-copies
 * on other sources a few hours later, sharing the original's {@code storyId}. Every article has a {@code storyId}:
 * a story of its own gets the first 16 hex digits of its article id, as the crawler does.
 *
 * <pre>
 * NewsCorpus corpus = NewsCorpus.generate(300);                  // seed and anchor fixed
 * List&lt;ArticleEvent&gt; events = corpus.articles();
 * Stream&lt;ArticleEvent&gt; big = NewsCorpus.stream(7, 100_000, anchor); // for benchmarks, generated lazily
 * </pre>
 */
public final class NewsCorpus {

	/** The default anchor: publication dates lie before it. */
	public static final Instant ANCHOR = Instant.parse("2026-11-29T12:00:00Z");

	/** The default seed. */
	public static final long SEED = 20261129L;

	private final List<ArticleEvent> articles;

	private final Map<Landmark, ArticleEvent> landmarks;

	private NewsCorpus(List<ArticleEvent> articles, Map<Landmark, ArticleEvent> landmarks) {
		this.articles = articles;
		this.landmarks = landmarks;
	}

	/** The corpus of {@code size} articles with the default seed and anchor. */
	public static NewsCorpus generate(int size) {
		return generate(SEED, size, ANCHOR);
	}

	/**
	 * A corpus of exactly {@code size} articles (the landmarks and the cloud-agreement copies come first, so
	 * {@code size} must be at least {@link #minimumSize()}).
	 * @param seed the generator's seed
	 * @param size the number of articles
	 * @param anchor the time that publication dates lie before
	 * @return the corpus
	 */
	public static NewsCorpus generate(long seed, int size, Instant anchor) {
		return generate(seed, size, anchor, BodyLength.BRIEF);
	}

	/**
	 * As {@link #generate(long, int, Instant)}, with bodies of the given length.
	 * @param seed the generator's seed
	 * @param size the number of articles
	 * @param anchor the time that publication dates lie before
	 * @param length brief bodies (a few sentences, what the relevance tests are written against) or full-length
	 * ones (300–1,500 words, for benchmarks)
	 * @return the corpus
	 */
	public static NewsCorpus generate(long seed, int size, Instant anchor, BodyLength length) {
		if (size < minimumSize()) {
			throw new IllegalArgumentException("a corpus holds at least " + minimumSize() + " articles, asked for " + size);
		}
		ArticleGenerator generator = new ArticleGenerator(seed, anchor, length);
		List<ArticleEvent> articles = new ArrayList<>(size);
		Map<Landmark, ArticleEvent> landmarks = new EnumMap<>(Landmark.class);
		for (ArticleEvent landmark : generator.landmarks(landmarks)) {
			articles.add(landmark);
		}
		Iterator<ArticleEvent> background = generator.background();
		while (articles.size() < size) {
			articles.add(background.next());
		}
		return new NewsCorpus(Collections.unmodifiableList(articles), Collections.unmodifiableMap(landmarks));
	}

	/**
	 * The same articles as {@link #generate(long, int, Instant)}, generated as they are consumed (for corpora too
	 * large to hold).
	 */
	public static Stream<ArticleEvent> stream(long seed, int size, Instant anchor) {
		return stream(seed, size, anchor, BodyLength.BRIEF);
	}

	/**
	 * The same articles as {@link #generate(long, int, Instant, BodyLength)}, generated as they are consumed: a
	 * 100,000-article full-length corpus (about 600 MB of text) never needs to be held at once.
	 */
	public static Stream<ArticleEvent> stream(long seed, int size, Instant anchor, BodyLength length) {
		if (size < minimumSize()) {
			throw new IllegalArgumentException("a corpus holds at least " + minimumSize() + " articles, asked for " + size);
		}
		ArticleGenerator generator = new ArticleGenerator(seed, anchor, length);
		Iterator<ArticleEvent> all = new Iterator<>() {

			private final Iterator<ArticleEvent> landmarks = generator.landmarks(new EnumMap<>(Landmark.class)).iterator();

			private final Iterator<ArticleEvent> background = generator.background();

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public ArticleEvent next() {
				return this.landmarks.hasNext() ? this.landmarks.next() : this.background.next();
			}

		};
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(all, Spliterator.ORDERED | Spliterator.NONNULL),
				false).limit(size);
	}

	/** The smallest corpus: the landmarks and the syndicated copies of {@link Landmark#CLOUD_AGREEMENT}. */
	public static int minimumSize() {
		return Landmark.values().length + Landmark.SYNDICATED_SOURCES.size();
	}

	/** The sources, each with its tags and language. */
	public static List<Source> sources() {
		return ArticleGenerator.SOURCES;
	}

	/** Every article, landmarks first. */
	public List<ArticleEvent> articles() {
		return this.articles;
	}

	/** The article written for {@code landmark}. */
	public ArticleEvent landmark(Landmark landmark) {
		return this.landmarks.get(landmark);
	}

	/** The articles of each story, in corpus order, keyed by {@code storyId}. */
	public Map<String, List<ArticleEvent>> stories() {
		Map<String, List<ArticleEvent>> stories = new LinkedHashMap<>();
		for (ArticleEvent article : this.articles) {
			stories.computeIfAbsent(article.storyId(), (id) -> new ArrayList<>()).add(article);
		}
		return stories;
	}

}
