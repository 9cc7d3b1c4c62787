package io.newshound.crawler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The crawler service: sources → discovery → polite fetching → extraction → {@code news.articles.v1}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CrawlerApplication {

	public static void main(String[] args) {
		SpringApplication.run(CrawlerApplication.class, args);
	}

}
