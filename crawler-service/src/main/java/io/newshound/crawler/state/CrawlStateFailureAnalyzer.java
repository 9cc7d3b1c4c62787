package io.newshound.crawler.state;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unusable crawl state directory into one clear start-up failure line. */
class CrawlStateFailureAnalyzer extends AbstractFailureAnalyzer<CrawlStateException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CrawlStateException cause) {
		return new FailureAnalysis("Cannot use the " + cause.getMessage(),
				"Point newshound.crawler.state-dir at a writable directory that no other crawler uses.", cause);
	}

}
