package io.newshound.corpus;

/** How long the generated articles' bodies are; the landmarks are always as written. */
public enum BodyLength {

	/** A lead of three to six sentences: small corpora for relevance tests, where every word is accounted for. */
	BRIEF,

	/**
	 * The lead, then paragraphs of background and reaction up to 300–1,500 words, as real news articles run:
	 * for benchmarks, where document size drives indexing and search costs.
	 */
	FULL

}
