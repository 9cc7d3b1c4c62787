package io.newshound.crawler.crawl;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.newshound.support.net.HostResolver;
import io.newshound.crawler.CrawlerProperties;
import io.newshound.crawler.extract.ArticleExtractor;
import io.newshound.crawler.extract.JsoupArticleExtractor;
import io.newshound.crawler.fetch.FetchSettings;
import io.newshound.crawler.fetch.HostOwnership;
import io.newshound.crawler.fetch.HttpFetcher;
import io.newshound.crawler.publish.ArticlePublisher;
import io.newshound.crawler.source.SourceRegistry;
import io.newshound.crawler.state.CrawlState;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the crawl: fetcher, extractor, the poller and its scheduler. The hosts owned, the link
 * forwarder and the crawl state come from {@code io.newshound.crawler.cluster}.
 */
@Configuration(proxyBeanMethods = false)
class CrawlConfiguration {

	@Bean(destroyMethod = "close")
	HttpFetcher fetcher(CrawlerProperties properties, MeterRegistry meters, HostOwnership ownership) {
		return new HttpFetcher(FetchSettings.from(properties), HostResolver.system(), null, meters, ownership);
	}

	@Bean
	ArticleExtractor articleExtractor() {
		return new JsoupArticleExtractor();
	}

	@Bean
	SourcePoller sourcePoller(HttpFetcher fetcher, ArticleExtractor extractor, ArticlePublisher publisher,
			CrawlState state, CrawlerProperties properties, MeterRegistry meters, HostOwnership ownership,
			LinkForwarder forwarder) {
		CrawlerProperties.Discovery discovery = properties.discovery();
		return new SourcePoller(fetcher, extractor, publisher, state, new SourcePoller.Settings(
				discovery.maxLinksPerPage(), discovery.maxSitemaps(), discovery.revisitInterval()), meters,
				Clock.systemUTC(), ownership, forwarder);
	}

	@Bean
	CrawlScheduler crawlScheduler(SourceRegistry registry, SourcePoller poller, CrawlerProperties properties,
			HostOwnership ownership) {
		return new CrawlScheduler(registry, poller, properties.concurrency(), properties.schedulingEnabled(),
				Clock.systemUTC(), ownership);
	}

}
