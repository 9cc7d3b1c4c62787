package io.newshound.search.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Answers {@code HEAD /} as {@code GET /} would, without the body. Spring Boot's welcome page serves the search page
 * at the root for GET only, so uptime monitors and link checkers, which send HEAD, were told 404 for a page that is
 * there.
 */
@Configuration(proxyBeanMethods = false)
class SearchPageHead {

	@Bean
	RouterFunction<ServerResponse> searchPageHeadRoute(@Value("classpath:/static/index.html") Resource page) {
		return RouterFunctions.route(RequestPredicates.HEAD("/"),
				(request) -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page));
	}

}
