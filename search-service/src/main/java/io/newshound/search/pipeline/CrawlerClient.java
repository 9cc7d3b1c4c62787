package io.newshound.search.pipeline;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

/** Reads the crawler's {@code GET /api/sources} without blocking; never fails, it reports an unreachable crawler. */
class CrawlerClient {

	private static final ParameterizedTypeReference<List<PipelineStatus.CrawlerSource>> SOURCES = new ParameterizedTypeReference<>() {
	};

	private final WebClient client;

	private final String baseUrl;

	private final Duration timeout;

	CrawlerClient(WebClient.Builder builder, String baseUrl, Duration timeout) {
		this.baseUrl = baseUrl;
		this.client = builder.baseUrl(baseUrl).build();
		this.timeout = timeout;
	}

	Mono<PipelineStatus.Crawler> crawler() {
		return this.client.get()
			.uri("/api/sources")
			.retrieve()
			.bodyToMono(SOURCES)
			.timeout(this.timeout)
			.map((sources) -> new PipelineStatus.Crawler(this.baseUrl, true, null, sources))
			.onErrorResume((ex) -> Mono.just(new PipelineStatus.Crawler(this.baseUrl, false, reason(ex), List.of())));
	}

	private String reason(Throwable ex) {
		if (ex instanceof WebClientResponseException response) {
			return "the crawler at " + this.baseUrl + " answered " + response.getStatusCode().value();
		}
		if (ex instanceof java.util.concurrent.TimeoutException) {
			return "the crawler at " + this.baseUrl + " did not answer within " + this.timeout.toSeconds() + " s";
		}
		return "the crawler at " + this.baseUrl + " is unreachable";
	}

}
