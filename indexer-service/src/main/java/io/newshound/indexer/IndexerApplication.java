package io.newshound.indexer;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Consumes extracted articles, writes them to Elasticsearch and announces what became searchable. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IndexerApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The application with its configuration file, {@code indexer-service.yml}: each service has its own name
	 * so that the services can share a classpath (as in the system tests) without shadowing each
	 * other's {@code application.yml}.
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(IndexerApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", "indexer-service"));
		return application;
	}

}
