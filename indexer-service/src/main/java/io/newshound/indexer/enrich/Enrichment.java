package io.newshound.indexer.enrich;

import java.util.List;

/**
 * What the indexer adds to an article before writing it.
 *
 * @param tags the source's tags, then the topics found, without duplicates
 * @param entities companies, labs, models and people found, by canonical name
 * @param evidence for each topic tag and entity, the words that triggered it
 * @param language ISO 639-1 code: the event's own, else detected; {@code null} when neither is known
 * @param readingMinutes the body's reading time at 230 words a minute, at least 1
 */
public record Enrichment(List<String> tags, List<String> entities, List<TagEvidence> evidence, String language,
		int readingMinutes) {

	public Enrichment {
		tags = List.copyOf(tags);
		entities = List.copyOf(entities);
		evidence = List.copyOf(evidence);
	}

}
