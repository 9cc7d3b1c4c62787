package io.newshound.crawler;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The crawler service: sources → discovery → polite fetching → extraction → {@code news.articles.v1}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrawlerApplication {

	public static void main(String[] args) {
		application().run(args);
	}

	/**
	 * The application with its configuration file, {@code crawler-service.yml}: each service has its own name
	 * so that the services can share a classpath (as in the system tests) without shadowing each
	 * other's {@code application.yml}.
	 */
	public static SpringApplication application() {
		SpringApplication application = new SpringApplication(CrawlerApplication.class);
		application.setDefaultProperties(Map.of("spring.config.name", "crawler-service"));
		return application;
	}

}
