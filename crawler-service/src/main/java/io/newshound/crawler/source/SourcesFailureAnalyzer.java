package io.newshound.crawler.source;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad sources file into Spring Boot's start-up failure report: one line saying which file,
 * which line and what is wrong, instead of a stack trace.
 */
class SourcesFailureAnalyzer extends AbstractFailureAnalyzer<SourcesConfigException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SourcesConfigException cause) {
		return new FailureAnalysis("Invalid sources file " + cause.getMessage(),
				"Fix the sources file, or point newshound.crawler.sources (--sources) at another one.", cause);
	}

}
