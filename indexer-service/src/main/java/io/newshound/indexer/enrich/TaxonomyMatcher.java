package io.newshound.indexer.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the taxonomy's entries in an article, by whole-word phrase matching that ignores case and
 * accents (except for an entry's case-sensitive spellings). At each word the longest spelling wins
 * and its words are consumed, so "Google DeepMind" counts for the lab and not also for Google.
 *
 * <p>A company, lab, model or person counts with one mention. A topic needs stronger evidence than
 * a passing word: a mention in the title, or at least {@code topicMinMentions} mentions in title,
 * summary and body together. Every accepted entry comes with its {@link TagEvidence}.
 */
public final class TaxonomyMatcher {

	static final String TITLE = "title";

	static final String SUMMARY = "summary";

	static final String BODY = "body";

	/**
	 * Spellings by the hash of their first normalized word, longest first, in an open-addressing table: most words
	 * of an article start no spelling, and the table says so from the word's hash without making its string
	 * ({@link Words#normalizedHash}). Spellings whose first words share a hash share a slot; {@link Spelling#matches}
	 * compares the words themselves.
	 */
	private final int[] slotHashes;

	private final Spelling[][] slotSpellings;

	private final int topicMinMentions;

	public TaxonomyMatcher(Taxonomy taxonomy, int topicMinMentions) {
		if (topicMinMentions < 1) {
			throw new IllegalArgumentException("topicMinMentions must be at least 1: " + topicMinMentions);
		}
		this.topicMinMentions = topicMinMentions;
		Map<Integer, List<Spelling>> byFirstWord = new HashMap<>();
		for (Taxonomy.Entry entry : taxonomy.entries()) {
			for (String text : entry.spellings()) {
				Spelling spelling = Spelling.of(entry, text, entry.caseSensitive().contains(text));
				byFirstWord.computeIfAbsent(spelling.hashes[0], (first) -> new ArrayList<>()).add(spelling);
			}
		}
		int slots = Integer.highestOneBit(Math.max(16, byFirstWord.size() * 4) - 1) << 1;
		this.slotHashes = new int[slots];
		this.slotSpellings = new Spelling[slots][];
		Comparator<Spelling> longestFirst = Comparator.comparingInt((Spelling spelling) -> spelling.normalized.length)
			.reversed();
		byFirstWord.forEach((hash, spellings) -> {
			spellings.sort(longestFirst);
			int slot = slot(hash);
			while (this.slotSpellings[slot] != null) {
				slot = (slot + 1) & (slots - 1);
			}
			this.slotHashes[slot] = hash;
			this.slotSpellings[slot] = spellings.toArray(Spelling[]::new);
		});
	}

	private int slot(int hash) {
		return (hash ^ (hash >>> 16)) & (this.slotHashes.length - 1);
	}

	/** The spellings whose first word has this hash, or {@code null}. */
	private Spelling[] candidates(int hash) {
		int slot = slot(hash);
		while (this.slotSpellings[slot] != null) {
			if (this.slotHashes[slot] == hash) {
				return this.slotSpellings[slot];
			}
			slot = (slot + 1) & (this.slotHashes.length - 1);
		}
		return null;
	}

	/**
	 * The entries found in an article, in order of first appearance (title, then summary, then body).
	 * @param title the headline
	 * @param summary the summary, or {@code null}
	 * @param body the body
	 */
	public Matches match(String title, String summary, String body) {
		return match(title, summary, Words.of(body));
	}

	/** {@link #match(String, String, String)} of a body split already. */
	Matches match(String title, String summary, Words body) {
		Map<Taxonomy.Entry, Hits> hits = new LinkedHashMap<>();
		scan(TITLE, Words.of(title), hits);
		scan(SUMMARY, Words.of(summary), hits);
		scan(BODY, body, hits);
		List<String> topics = new ArrayList<>();
		List<String> entities = new ArrayList<>();
		List<TagEvidence> evidence = new ArrayList<>();
		hits.forEach((entry, found) -> {
			if (entry.kind() == Kind.TOPIC) {
				if (!found.fields.contains(TITLE) && found.mentions < this.topicMinMentions) {
					return;
				}
				topics.add(entry.name());
			}
			else {
				entities.add(entry.name());
			}
			evidence.add(new TagEvidence(entry.name(), entry.kind().label(), List.copyOf(found.terms), found.mentions,
					List.copyOf(found.fields)));
		});
		return new Matches(topics, entities, evidence);
	}

	private void scan(String field, Words words, Map<Taxonomy.Entry, Hits> hits) {
		int i = 0;
		while (i < words.size()) {
			Spelling found = longestAt(words, i);
			if (found == null) {
				i++;
				continue;
			}
			Hits entryHits = hits.computeIfAbsent(found.entry, (entry) -> new Hits());
			entryHits.terms.add(found.text);
			entryHits.fields.add(field);
			entryHits.mentions++;
			i += found.normalized.length;
		}
	}

	private Spelling longestAt(Words words, int start) {
		Spelling[] candidates = candidates(words.normalizedHash(start));
		if (candidates == null) {
			return null;
		}
		for (Spelling candidate : candidates) {
			if (candidate.matches(words, start)) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * What {@link #match} found.
	 *
	 * @param topics topic names with enough evidence
	 * @param entities canonical names of the companies, labs, models and people found
	 * @param evidence one element per topic and entity, in the same order as found
	 */
	public record Matches(List<String> topics, List<String> entities, List<TagEvidence> evidence) {
	}

	private static final class Hits {

		final Set<String> terms = new LinkedHashSet<>();

		final Set<String> fields = new LinkedHashSet<>();

		int mentions;

	}

	/**
	 * One spelling of an entry, as words and their hashes; {@code cased} is set when the capitalisation must match
	 * too.
	 */
	private record Spelling(Taxonomy.Entry entry, String text, String[] normalized, int[] hashes, String[] cased) {

		static Spelling of(Taxonomy.Entry entry, String text, boolean caseSensitive) {
			Words words = Words.of(text);
			String[] normalized = new String[words.size()];
			int[] hashes = new int[words.size()];
			String[] cased = caseSensitive ? new String[words.size()] : null;
			for (int i = 0; i < words.size(); i++) {
				normalized[i] = words.normalized(i);
				hashes[i] = normalized[i].hashCode();
				if (cased != null) {
					cased[i] = words.folded(i);
				}
			}
			return new Spelling(entry, text, normalized, hashes, cased);
		}

		boolean matches(Words words, int start) {
			if (start + this.normalized.length > words.size()) {
				return false;
			}
			for (int i = 0; i < this.normalized.length; i++) {
				int word = start + i;
				boolean same = words.normalizedHash(word) == this.hashes[i]
						&& ((this.cased != null) ? words.foldedEquals(word, this.cased[i])
								: words.normalizedEquals(word, this.normalized[i]));
				if (!same) {
					return false;
				}
			}
			return true;
		}

	}

}
