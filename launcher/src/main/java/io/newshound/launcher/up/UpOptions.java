package io.newshound.launcher.up;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.newshound.launcher.UsageException;

/**
 * The options of {@code ./newshound up}.
 *
 * @param home the Newshound checkout (where the service jars are)
 * @param dataDir where Kafka, Elasticsearch and the crawler keep their data
 * @param sourcesFile the sources to crawl, or {@code null} for the bundled list
 * @param kafka an existing Kafka cluster's bootstrap servers, or {@code null} to start a broker
 * @param elasticsearch an existing Elasticsearch cluster's URL, or {@code null} to start a node
 */
public record UpOptions(Path home, Path dataDir, Path sourcesFile, String kafka, URI elasticsearch) {

	static final int SEARCH_PORT = 8080;

	static final int CRAWLER_PORT = 8081;

	static final int INDEXER_PORT = 8082;

	static final int DEMO_SITE_PORT = 8090;

	static final int KAFKA_PORT = 9092;

	static final int ELASTICSEARCH_PORT = 9200;

	public static UpOptions parse(List<String> args, Map<String, String> env) {
		Path home = Path.of(env.getOrDefault("NEWSHOUND_HOME", ".")).toAbsolutePath().normalize();
		Path data = home.resolve("data");
		Path sources = null;
		String kafka = null;
		URI elasticsearch = null;
		for (int i = 0; i < args.size(); i++) {
			String option = args.get(i);
			if (!option.startsWith("--")) {
				throw new UsageException("unexpected argument '" + option + "'");
			}
			if (i + 1 >= args.size()) {
				throw new UsageException(option + " needs a value");
			}
			String value = args.get(++i);
			switch (option) {
				case "--data" -> data = Path.of(value).toAbsolutePath().normalize();
				case "--sources" -> sources = Path.of(value).toAbsolutePath().normalize();
				case "--kafka" -> kafka = kafka(value);
				case "--elasticsearch" -> elasticsearch = elasticsearch(value);
				default -> throw new UsageException("unknown option " + option);
			}
		}
		if (sources != null && !Files.isRegularFile(sources)) {
			throw new UsageException("the sources file " + sources + " does not exist");
		}
		return new UpOptions(home, data, sources, kafka, elasticsearch);
	}

	private static String kafka(String value) {
		for (String server : value.split(",")) {
			int colon = server.lastIndexOf(':');
			if (colon <= 0 || !server.substring(colon + 1).matches("\\d{1,5}")) {
				throw new UsageException("--kafka takes HOST:PORT[,HOST:PORT…], not '" + value + "'");
			}
		}
		return value;
	}

	private static URI elasticsearch(String value) {
		try {
			URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
			if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
				throw new IllegalArgumentException();
			}
			return uri;
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException("--elasticsearch takes a URL such as http://127.0.0.1:9200, not '" + value + "'");
		}
	}

}
