package io.newshound.crawler.source;

import io.newshound.crawler.CrawlerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the sources file when the application starts; a bad file stops the start with one line naming
 * the file, the line and the reason (see {@link SourcesFailureAnalyzer}).
 */
@Configuration(proxyBeanMethods = false)
class SourceConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SourceConfiguration.class);

	@Bean
	SourceRegistry sourceRegistry(CrawlerProperties properties) {
		SourceRegistry registry = new SourceRegistry(SourcesFile.load(properties.sources()));
		log.info("Loaded {} sources from {}", registry.sources().size(), properties.sources());
		return registry;
	}

}
