package io.newshound.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The table the fault suite measures, written to {@code target/fault-report.md} for the README. Every number
 * is counted by the test that adds the row; nothing here is typed in.
 */
final class FaultReport {

	/**
	 * One injected fault and what it cost.
	 * @param fault what was done, e.g. "indexer SIGKILL, restarted"
	 * @param articles articles in the stream the fault hit
	 * @param inFlight published but not yet searchable when the fault hit, or published while it lasted
	 * @param lost published articles not searchable afterwards (Elasticsearch and {@code /api/search} together)
	 * @param duplicates articles found more than once afterwards (same id twice in the index or the API)
	 * @param alertsLost articles expected to match the suite's alert with no delivery in the match log, or
	 * {@code null} for a row that counts no alert (shown as "–")
	 * @param alertsDuplicated deliveries beyond the first per article, or {@code null} likewise
	 * @param notes what else was counted: redeliveries absorbed, 429s answered
	 */
	record Row(String fault, int articles, long inFlight, long lost, long duplicates, Long alertsLost,
			Long alertsDuplicated, String notes) {
	}

	private final List<Row> rows = new ArrayList<>();

	synchronized void add(Row row) {
		this.rows.add(row);
	}

	synchronized List<Row> rows() {
		return List.copyOf(this.rows);
	}

	synchronized String markdown() {
		StringBuilder table = new StringBuilder();
		table.append("| fault injected | articles | in flight | lost | duplicates | alerts lost | alerts duplicated | also counted |\n");
		table.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
		for (Row row : this.rows) {
			table.append("| ").append(row.fault()).append(" | ").append(row.articles()).append(" | ")
				.append(row.inFlight()).append(" | ").append(row.lost()).append(" | ").append(row.duplicates())
				.append(" | ").append(alerts(row.alertsLost())).append(" | ").append(alerts(row.alertsDuplicated()))
				.append(" | ").append(row.notes()).append(" |\n");
		}
		return table.toString();
	}

	private static String alerts(Long count) {
		return (count != null) ? count.toString() : "–";
	}

	void write(Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, "# Fault injection: measured by FaultInjectionIntegrationTests\n\n" + markdown());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
