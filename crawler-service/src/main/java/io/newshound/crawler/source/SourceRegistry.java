package io.newshound.crawler.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured sources, in file order, each with its runtime health. */
public final class SourceRegistry {

	private final Map<String, SourceHealth> byName = new LinkedHashMap<>();

	public SourceRegistry(List<Source> sources) {
		for (Source source : sources) {
			if (this.byName.putIfAbsent(source.name(), new SourceHealth(source)) != null) {
				throw new IllegalArgumentException("duplicate source name '" + source.name() + "'");
			}
		}
	}

	public List<SourceHealth> all() {
		return List.copyOf(this.byName.values());
	}

	public List<Source> sources() {
		return this.byName.values().stream().map(SourceHealth::source).toList();
	}

	/** The health of the source called {@code name}, or {@code null}. */
	public SourceHealth health(String name) {
		return this.byName.get(name);
	}

}
