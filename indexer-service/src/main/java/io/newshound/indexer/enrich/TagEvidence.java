package io.newshound.indexer.enrich;

import java.util.List;

/**
 * Why an article got a tag or an entity: an element of the document's {@code evidence} field.
 *
 * @param name the entry's canonical name (the tag or the entity)
 * @param kind {@code company}, {@code lab}, {@code model}, {@code person} or {@code topic}
 * @param terms the taxonomy spellings found in the article, in order of first appearance
 * @param mentions how often they were found, title, summary and body together
 * @param fields where they were found: {@code title}, {@code summary}, {@code body}
 */
public record TagEvidence(String name, String kind, List<String> terms, int mentions, List<String> fields) {

	public TagEvidence {
		terms = List.copyOf(terms);
		fields = List.copyOf(fields);
	}

}
