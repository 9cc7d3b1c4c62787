package io.newshound.search;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Answers full-text queries over the indexed articles, without blocking an event-loop thread. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SearchApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The application with its configuration file, {@code search-service.yml}: each service has its own name
	 * so that the services can share a classpath (as in the system tests) without shadowing each
	 * other's {@code application.yml}.
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(SearchApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", "search-service"));
		return application;
	}

}
