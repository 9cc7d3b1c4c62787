package io.newshound.indexer.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.Resource;

/**
 * The AI-industry taxonomy: named companies, labs, models, people and topics, each with the
 * spellings that refer to it. Kept as a YAML data file (the bundled one is
 * {@code taxonomy/ai-industry.yml}; its format is described there and in the module README).
 *
 * @param entries the entries, in file order
 */
public record Taxonomy(List<Entry> entries) {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	public Taxonomy {
		entries = List.copyOf(entries);
	}

	/**
	 * Reads and checks a taxonomy file.
	 * @throws InvalidTaxonomyException naming the file and the entry when the file is unreadable, not
	 * in the format, names an entry twice or gives one spelling to two entries
	 */
	public static Taxonomy load(Resource resource) {
		String file = resource.getDescription();
		FileFormat format;
		try (InputStream in = resource.getInputStream()) {
			format = YAML.readValue(in, FileFormat.class);
		}
		catch (IOException | JacksonException ex) {
			throw new InvalidTaxonomyException(file, "cannot be read: " + ex.getMessage(), ex);
		}
		if (format == null || format.entries() == null || format.entries().isEmpty()) {
			throw new InvalidTaxonomyException(file, "has no entries", null);
		}
		List<Entry> entries = new ArrayList<>();
		Map<String, String> names = new HashMap<>();
		Map<String, String> spellings = new HashMap<>();
		for (int i = 0; i < format.entries().size(); i++) {
			FileEntry raw = format.entries().get(i);
			Entry entry = raw.toEntry(file, i);
			String previous = names.putIfAbsent(entry.name(), entry.name());
			if (previous != null) {
				throw new InvalidTaxonomyException(file, "names '" + entry.name() + "' twice", null);
			}
			for (String spelling : entry.spellings()) {
				String key = String.join(" ", normalizedWords(spelling));
				String owner = spellings.putIfAbsent(key, entry.name());
				if (owner != null && !owner.equals(entry.name())) {
					throw new InvalidTaxonomyException(file, "gives the spelling '" + spelling + "' to both '" + owner
							+ "' and '" + entry.name() + "'; an alias may belong to one entry only", null);
				}
			}
			entries.add(entry);
		}
		return new Taxonomy(entries);
	}

	static List<String> normalizedWords(String text) {
		Words words = Words.of(text);
		List<String> normalized = new ArrayList<>(words.size());
		for (int i = 0; i < words.size(); i++) {
			normalized.add(words.normalized(i));
		}
		return normalized;
	}

	/**
	 * One named thing.
	 *
	 * @param name canonical name, as it appears in the document's {@code entities} or {@code tags}
	 * @param kind what it is
	 * @param aliases spellings matched ignoring case and accents; the name is one of them unless it is
	 * case-sensitive
	 * @param caseSensitive spellings that are also ordinary words, matched only with this capitalisation
	 */
	public record Entry(String name, Kind kind, List<String> aliases, List<String> caseSensitive) {

		public Entry {
			aliases = List.copyOf(aliases);
			caseSensitive = List.copyOf(caseSensitive);
		}

		/** Every spelling of the entry, the name first. */
		Set<String> spellings() {
			Set<String> spellings = new LinkedHashSet<>();
			if (!this.caseSensitive.contains(this.name)) {
				spellings.add(this.name);
			}
			spellings.addAll(this.aliases);
			spellings.addAll(this.caseSensitive);
			return spellings;
		}

	}

	/** The file as written: {@code entries:} and a list of entries. */
	record FileFormat(List<FileEntry> entries) {
	}

	record FileEntry(String name, String kind, List<String> aliases, List<String> caseSensitive) {

		Entry toEntry(String file, int index) {
			String where = "entry " + (index + 1) + ((this.name != null) ? " ('" + this.name + "')" : "");
			if (this.name == null || this.name.isBlank()) {
				throw new InvalidTaxonomyException(file, where + " has no name", null);
			}
			Kind parsed = (this.kind != null) ? Kind.fromLabel(this.kind.trim()) : null;
			if (parsed == null) {
				throw new InvalidTaxonomyException(file, where + " has kind '" + this.kind
						+ "'; expected company, lab, model, person or topic", null);
			}
			List<String> aliasList = clean(file, where, this.aliases);
			List<String> caseSensitiveList = clean(file, where, this.caseSensitive);
			return new Entry(this.name.trim(), parsed, aliasList, caseSensitiveList);
		}

		private static List<String> clean(String file, String where, List<String> spellings) {
			if (spellings == null) {
				return List.of();
			}
			List<String> cleaned = new ArrayList<>(spellings.size());
			for (String spelling : spellings) {
				if (spelling == null || normalizedWords(spelling).isEmpty()) {
					throw new InvalidTaxonomyException(file, where + " has an alias without letters or digits", null);
				}
				cleaned.add(spelling.trim());
			}
			return cleaned;
		}

	}

}
