package io.newshound.search.pipeline;

import java.time.Clock;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/pipeline}: the crawler's sources with their health, and the pipeline's figures (crawled, indexed,
 * lag), read in parallel; each part degrades on its own when its component is down.
 */
@RestController
@Tag(name = "pipeline", description = "Sources and the state of the crawl-index pipeline")
class PipelineController {

	private final CrawlerClient crawler;

	private final IndexerLag lag;

	private final ElasticsearchAsyncClient elasticsearch;

	private final String alias;

	private final PipelineProperties properties;

	private final Clock clock;

	PipelineController(CrawlerClient crawler, IndexerLag lag, ElasticsearchAsyncClient elasticsearch,
			io.newshound.search.SearchProperties search, PipelineProperties properties, Clock clock) {
		this.crawler = crawler;
		this.lag = lag;
		this.elasticsearch = elasticsearch;
		this.alias = search.alias();
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping(path = "/api/pipeline", produces = "application/json")
	@Operation(summary = "Each source's health from the crawler, and the pipeline's figures",
			description = "Always 200: a part that cannot be read (crawler, Elasticsearch or Kafka down) has a null "
					+ "value and an error saying why.")
	Mono<PipelineStatus> pipeline() {
		Mono<PipelineStatus.Figure> indexed = Mono
			.fromFuture(() -> this.elasticsearch.count((count) -> count.index(this.alias)))
			.timeout(this.properties.timeout())
			.map((count) -> PipelineStatus.Figure.of(count.count()))
			.onErrorResume((ex) -> Mono.just(PipelineStatus.Figure.unavailable("Elasticsearch cannot be read")));
		Mono<PipelineStatus.Figure> lag = this.lag.lag()
			.map(PipelineStatus.Figure::of)
			.onErrorResume((ex) -> Mono.just(PipelineStatus.Figure.unavailable("Kafka cannot be read")));
		return Mono.zip(this.crawler.crawler(), indexed, lag).map((all) -> {
			PipelineStatus.Crawler crawler = all.getT1();
			PipelineStatus.Figure crawled = crawler.reachable()
					? PipelineStatus.Figure.of(crawler.sources().stream().mapToLong(PipelineStatus.CrawlerSource::articlesPublished).sum())
					: PipelineStatus.Figure.unavailable(crawler.error());
			return new PipelineStatus(this.clock.instant(), crawler, crawled, all.getT2(), all.getT3());
		});
	}

}
