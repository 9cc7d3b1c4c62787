package io.newshound.crawler.source;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/sources}: every configured source with its runtime health, in file order. */
@RestController
class SourcesController {

	private final SourceRegistry registry;

	SourcesController(SourceRegistry registry) {
		this.registry = registry;
	}

	@GetMapping("/api/sources")
	List<SourceStatus> sources() {
		return this.registry.all().stream().map(SourceHealth::status).toList();
	}

}
