package io.newshound.search.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;

import io.newshound.search.SearchProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The per-client rate limit, on unless {@code newshound.search.rate-limit.enabled=false}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "newshound.search.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
class RateLimitConfiguration {

	@Bean
	RateLimitFilter rateLimitFilter(SearchProperties properties, MeterRegistry meters) {
		SearchProperties.RateLimit limit = properties.rateLimit();
		return new RateLimitFilter(
				new ClientRateLimiter(limit.requestsPerSecond(), limit.burst(), limit.maxClients(), System::nanoTime),
				meters);
	}

}
