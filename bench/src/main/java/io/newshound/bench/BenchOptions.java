package io.newshound.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The options of {@code ./newshound bench}.
 *
 * @param quick the ~10-minute run: 10k articles, shorter load phases
 * @param home the repository root
 * @param output where RESULTS.md and results.json go
 * @param profile whether the services record a JFR flight recording (to find the cause of a gap)
 * @param figures which figures to run (1–6)
 */
public record BenchOptions(boolean quick, Path home, Path output, boolean profile, Set<Integer> figures) {

	static final String USAGE = """
			usage: ./newshound bench [--quick] [--profile] [--only 1,2,…] [--out DIR]

			  Runs the benchmarks on a Kafka broker and Elasticsearch node of its own and writes RESULTS.md and
			  results.json (default: bench/). Every figure is measured against a baseline in the same run.
			    --quick      10k articles and short load phases (about 10 minutes); default 100k articles (much longer)
			    --profile    services write JFR flight recordings next to the run's data (bench/target/run/profiles)
			    --only LIST  run only these figures (1 indexing, 2 freshness, 3 search, 4 alerts, 5 extraction
			                 and crawling, 6 memory); 2, 3 and 6 need 1's corpus, which then is indexed too
			    --out DIR    write the reports to DIR
			""";

	/** The corpus size: 10k quick, 100k full. */
	public int corpusSize() {
		return this.quick ? 10_000 : 100_000;
	}

	public boolean runs(int figure) {
		return this.figures.contains(figure);
	}

	public String command() {
		List<String> parts = new ArrayList<>(List.of("./newshound", "bench"));
		if (this.quick) {
			parts.add("--quick");
		}
		return String.join(" ", parts);
	}

	public static BenchOptions parse(List<String> args, Path home) {
		boolean quick = false;
		boolean profile = false;
		Path output = home.resolve("bench");
		Set<Integer> figures = new LinkedHashSet<>(List.of(1, 2, 3, 4, 5, 6));
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			switch (arg) {
				case "--quick" -> quick = true;
				case "--profile" -> profile = true;
				case "--out" -> output = Path.of(value(args, ++i, arg));
				case "--only" -> {
					figures = new LinkedHashSet<>();
					for (String number : value(args, ++i, arg).split(",")) {
						try {
							int figure = Integer.parseInt(number.strip());
							if (figure < 1 || figure > 6) {
								throw new IllegalArgumentException("--only takes figure numbers from 1 to 6, not " + figure);
							}
							figures.add(figure);
						}
						catch (NumberFormatException ex) {
							throw new IllegalArgumentException("--only takes figure numbers such as 1,3, not '" + number + "'");
						}
					}
				}
				default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
			}
		}
		return new BenchOptions(quick, home, output, profile, figures);
	}

	private static String value(List<String> args, int index, String option) {
		if (index >= args.size()) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args.get(index);
	}

}
