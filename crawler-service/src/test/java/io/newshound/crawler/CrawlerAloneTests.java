package io.newshound.crawler;

import java.nio.file.Path;

import io.newshound.crawler.crawl.LinkForwarder;
import io.newshound.crawler.fetch.HostOwnership;
import io.newshound.crawler.state.CrawlState;
import io.newshound.crawler.state.FileCrawlState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@code newshound.crawler.cluster.enabled=false} the crawler works alone, its state in its directory. */
class CrawlerAloneTests {

	@Test
	void ownsEveryHostAndKeepsItsStateInTheStateDirectory(@TempDir Path dir) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CrawlerApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.config.name=crawler-service")
			.run("--newshound.crawler.cluster.enabled=false", "--newshound.crawler.state-dir=" + dir,
					"--newshound.crawler.sources=classpath:test-sources.yml", "--newshound.crawler.scheduling-enabled=false",
					"--spring.kafka.bootstrap-servers=127.0.0.1:9")) {
			assertThat(context.getBean(CrawlState.class)).isInstanceOf(FileCrawlState.class);
			assertThat(context.getBean(HostOwnership.class)).isSameAs(HostOwnership.everything());
			assertThat(context.getBean(LinkForwarder.class)).isSameAs(LinkForwarder.NONE);
			assertThat(context.getBeanNamesForType(org.apache.kafka.clients.admin.NewTopic.class))
				.containsExactly("articlesTopic");
			assertThat(dir.resolve("crawl-state.jsonl")).exists();
		}
	}

}
