package io.newshound.search.web;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Adds a Content-Security-Policy and the usual security headers to every response: the web page, the API, problem
 * details, static files and actuator answers alike. The headers are set just before the response is committed, so
 * that error handlers that rebuild the response (404, 429, 500) keep them.
 *
 * <p>The policy allows scripts, styles, fetches and event streams from this origin only, and no inline script or
 * style at all: the page renders text from the web, and even if some of it were ever inserted as markup by
 * mistake, an injected {@code <script>} or {@code onerror=} attribute would not run. {@code img-src data:} is for the
 * API description page's icons; {@code frame-ancestors 'none'} (and {@code X-Frame-Options} for old browsers) keeps
 * the page out of other sites' frames; {@code Referrer-Policy: no-referrer} keeps alert tokens in URLs from leaking
 * to article sites through links.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

	static final String CONTENT_SECURITY_POLICY = String.join("; ", "default-src 'self'", "script-src 'self'",
			"style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "font-src 'self'", "object-src 'none'",
			"base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			headers.set("X-Content-Type-Options", "nosniff");
			headers.set("Referrer-Policy", "no-referrer");
			headers.set("X-Frame-Options", "DENY");
			headers.set("Cross-Origin-Opener-Policy", "same-origin");
			headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	/** Before the rate limiter, so that its 429 answers carry the headers too. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
