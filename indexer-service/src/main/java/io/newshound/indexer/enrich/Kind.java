package io.newshound.indexer.enrich;

import java.util.Locale;

/** What a taxonomy entry names. Everything but {@link #TOPIC} is an entity of the article. */
public enum Kind {

	COMPANY, LAB,

	/** A model or an AI product (GPT-5, ChatGPT, Copilot). */
	MODEL,

	PERSON,

	/** What the article is about (funding, regulation, chips…); becomes a tag. */
	TOPIC;

	/** The name used in the taxonomy file and the document, such as {@code "company"}. */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Kind fromLabel(String label) {
		for (Kind kind : values()) {
			if (kind.label().equals(label)) {
				return kind;
			}
		}
		return null;
	}

}
