package io.newshound.crawler.story;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * Gives near-duplicate articles (the same wire story on several sites, lightly edited) one
 * {@code storyId}: an article whose body's {@link MinHash} signature is at least {@code minSimilarity}
 * similar to a recent article's joins the most similar one's story; otherwise it starts a story whose
 * id is the first 16 hex digits of its own article id. An article keeps its story when its text
 * changes. The index keeps the most recent {@code capacity} articles and is searched linearly
 * (64 integer comparisons per article). Thread-safe.
 */
public final class StoryIndex {

	/** Default least estimated Jaccard similarity of two texts of one story. */
	public static final double DEFAULT_MIN_SIMILARITY = 0.5;

	private final double minSimilarity;

	private final int capacity;

	private final Deque<Entry> entries = new ArrayDeque<>();

	/** The ids in {@link #entries}, so that adding an article not yet known needs no scan. */
	private final Set<String> ids = new HashSet<>();

	public StoryIndex(double minSimilarity, int capacity) {
		this.minSimilarity = minSimilarity;
		this.capacity = capacity;
	}

	private record Entry(String articleId, int[] signature, String storyId) {
	}

	/**
	 * Adds a known article (at start, from the crawl state), oldest first.
	 * @param signature its signature, or {@code null} when unknown (then it only keeps its story)
	 * @param storyId its story, or {@code null} for a story of its own
	 */
	public synchronized void remember(String articleId, int[] signature, String storyId) {
		add(new Entry(articleId, signature, (storyId != null) ? storyId : ownStory(articleId)));
	}

	/**
	 * The story of an article about to be published, which is then remembered.
	 * @param signature the signature of its body, or {@code null} for a body without words
	 */
	public synchronized String assign(String articleId, int[] signature) {
		String story = null;
		double best = -1;
		for (Entry entry : this.entries) {
			if (entry.articleId().equals(articleId)) {
				story = entry.storyId();
				break;
			}
			if (signature == null || entry.signature() == null) {
				continue;
			}
			double similarity = MinHash.similarity(entry.signature(), signature);
			if (similarity >= this.minSimilarity && similarity > best) {
				best = similarity;
				story = entry.storyId();
			}
		}
		if (story == null) {
			story = ownStory(articleId);
		}
		add(new Entry(articleId, signature, story));
		return story;
	}

	private void add(Entry entry) {
		if (this.ids.contains(entry.articleId())) {
			this.entries.removeIf((known) -> known.articleId().equals(entry.articleId()));
		}
		this.entries.addFirst(entry);
		this.ids.add(entry.articleId());
		while (this.entries.size() > this.capacity) {
			this.ids.remove(this.entries.removeLast().articleId());
		}
	}

	static String ownStory(String articleId) {
		return articleId.substring(0, Math.min(16, articleId.length()));
	}

}
