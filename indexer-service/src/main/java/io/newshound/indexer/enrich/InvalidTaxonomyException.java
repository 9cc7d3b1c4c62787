package io.newshound.indexer.enrich;

/** A taxonomy file that cannot be used; the indexer does not start with it. */
public class InvalidTaxonomyException extends IllegalStateException {

	private final String file;

	InvalidTaxonomyException(String file, String problem, Throwable cause) {
		super("Taxonomy " + file + " " + problem, cause);
		this.file = file;
	}

	/** Description of the file, such as {@code class path resource [taxonomy/ai-industry.yml]}. */
	public String getFile() {
		return this.file;
	}

}
