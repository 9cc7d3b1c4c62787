package io.newshound.bench.report;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reports say what was measured, against what, and where a target was missed, in both forms. */
class ReportRenderingTests {

	private final Results results = new Results("./newshound bench --quick", "quick",
			Instant.parse("2026-11-29T03:00:00Z"), 9.5, new Machine("Test CPU", 2, 24_000, "Linux", "OpenJDK 17", 3.2), 2.1,
			List.of(new Figure.Builder(1, "Indexing throughput").baseline("raw _bulk")
				.metric(Metric.of("indexer", 812.4, "articles/s"))
				.metric(Metric.against("ratio indexer / raw _bulk", 0.62, "", Target.atLeast(0.90)))
				.note("10000 articles")
				.gap("every bulk request waits for a refresh (refresh=wait_for)")
				.build(),
					new Figure.Builder(2, "Freshness").metric(Metric.against("p95", 1.2, "s", Target.atMost(1.5))).build(),
					Figure.notMeasured(4, "Alerts", "not merged yet")),
			List.of("shared machine"));

	@Test
	void markdownShowsMachineFiguresTargetsAndGaps() {
		String markdown = MarkdownReport.render(this.results);
		assertThat(markdown).contains("`./newshound bench --quick`", "2026-11-29 03:00 UTC", "Test CPU, 2 cores",
				"## 1. Indexing throughput", "Baseline: raw _bulk", "| indexer | 812 articles/s |",
				"| ratio indexer / raw _bulk | 0.62 | ≥ 0.90 ✗ |", "**Gaps.** ratio indexer / raw _bulk is 0.62 against ≥ 0.90",
				"- every bulk request waits for a refresh", "| p95 | 1.20 s | ≤ 1.50 ✓ |", "**Not measured in this run.** not merged yet",
				"> shared machine");
		assertThat(markdown).contains("| 1. Indexing throughput | ratio indexer / raw _bulk | 0.62 | ≥ 0.90 | ✗ **gap** |")
			.contains("| 2. Freshness | p95 | 1.20 s | ≤ 1.50 | ✓ met |");
	}

	@Test
	void jsonHoldsEveryNumberAndReadsBack() {
		String json = JsonReport.render(this.results);
		assertThat(json).contains("\"met\" : false", "\"value\" : 812.4", "\"command\" : \"./newshound bench --quick\"",
				"\"date\" : \"2026-11-29T03:00:00Z\"");
		assertThat(JsonReport.read(json)).isEqualTo(this.results);
	}

	@Test
	void targetsCompareBothWays() {
		assertThat(Target.atLeast(0.9).isMetBy(0.9)).isTrue();
		assertThat(Target.atLeast(0.9).isMetBy(0.89)).isFalse();
		assertThat(Target.atMost(1.15).isMetBy(1.2)).isFalse();
		assertThat(Metric.of("x", 1, "").met()).isNull();
	}

}
