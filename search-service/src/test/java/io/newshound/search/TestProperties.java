package io.newshound.search;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link SearchProperties} with their defaults, bound as Spring Boot binds them, and the given overrides. */
public final class TestProperties {

	private TestProperties() {
	}

	public static SearchProperties of(Map<String, String> overrides) {
		return new Binder(new MapConfigurationPropertySource(overrides)).bindOrCreate("newshound.search",
				SearchProperties.class);
	}

}
