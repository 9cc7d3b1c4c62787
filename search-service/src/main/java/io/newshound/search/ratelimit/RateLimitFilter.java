package io.newshound.search.ratelimit;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits {@code /api/} requests per client address (the connection's peer; behind a proxy set
 * {@code server.forward-headers-strategy} so that it is the forwarded client). A client over its budget fails
 * with {@link TooManyRequestsException}, which the error handler answers as 429 with {@code Retry-After}.
 * Actuator and API-description requests are not limited.
 */
class RateLimitFilter implements WebFilter, Ordered {

	private final ClientRateLimiter limiter;

	private final Counter refused;

	RateLimitFilter(ClientRateLimiter limiter, MeterRegistry meters) {
		this.limiter = limiter;
		this.refused = Counter.builder("newshound.search.rate_limited")
			.description("Requests refused with 429 by the per-client rate limit")
			.register(meters);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
			return chain.filter(exchange);
		}
		long waitNanos = this.limiter.acquire(client(exchange));
		if (waitNanos > 0) {
			this.refused.increment();
			return Mono.error(new TooManyRequestsException(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos - 1) + 1)));
		}
		return chain.filter(exchange);
	}

	private static String client(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		if (remote == null) {
			return "unknown";
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

}
