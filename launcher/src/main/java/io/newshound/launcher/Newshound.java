package io.newshound.launcher;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import io.newshound.crawler.extract.ExtractCommand;
import io.newshound.launcher.up.UpCommand;
import io.newshound.launcher.up.UpOptions;
import io.newshound.stack.StackException;

/**
 * {@code ./newshound}: the one command a user needs. Every expected failure ends with one line that
 * says what is wrong and a non-zero exit code, never a stack trace.
 */
public final class Newshound {

	static final String USAGE = """
			usage: ./newshound up [--sources FILE] [--data DIR] [--kafka HOST:PORT] [--elasticsearch URL]
			       ./newshound extract FILE|DIR…
			       ./newshound bench [--quick] [--profile] [--only 1,2,…] [--out DIR]
			       ./newshound help

			  up        start Kafka and Elasticsearch (unless given), the demo site and the three services;
			            Ctrl-C stops everything it started
			    --sources FILE        sources.yml to crawl instead of the bundled list
			    --data DIR            where Kafka, Elasticsearch and the crawler keep their data (default ./data)
			    --kafka HOST:PORT     use this Kafka cluster instead of starting a broker
			    --elasticsearch URL   use this Elasticsearch cluster instead of starting a node
			  extract   print what the crawler extracts from saved pages (*.html, *.html.gz) as one JSON object
			  bench     measure every stage against a baseline on a stack of its own and write bench/RESULTS.md
			            (see bench/README.md; --quick takes about 10 minutes)
			""";

	private Newshound() {
	}

	public static void main(String[] args) {
		System.exit(run(Arrays.asList(args), System.out, System.err));
	}

	static int run(List<String> args, PrintStream out, PrintStream err) {
		String command = args.isEmpty() ? "help" : args.get(0);
		List<String> rest = args.subList(Math.min(1, args.size()), args.size());
		try {
			switch (command) {
				case "up" -> {
					return new UpCommand(UpOptions.parse(rest, System.getenv()), out).run();
				}
				case "extract" -> {
					ExtractCommand.main(rest.toArray(String[]::new));
					return 0;
				}
				case "help", "--help", "-h" -> {
					out.print(USAGE);
					return 0;
				}
				default -> throw new UsageException("unknown command '" + command + "'");
			}
		}
		catch (UsageException ex) {
			err.println("newshound: " + ex.getMessage());
			err.print(USAGE);
			return 2;
		}
		catch (StackException | LaunchException ex) {
			err.println("newshound: " + ex.getMessage());
			return 1;
		}
	}

}
