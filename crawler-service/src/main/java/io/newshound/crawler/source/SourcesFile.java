package io.newshound.crawler.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a {@code sources.yml}: a top-level {@code sources:} list of mappings with the keys
 * {@code name}, {@code url}, {@code kind}, {@code pollInterval}, {@code tags} and
 * {@code allowPrivateAddresses}. It works on SnakeYAML's node tree rather than on bound objects so that
 * every unknown key and bad value is reported with its line.
 *
 * <pre>
 * sources:
 *   - name: Newshound Demo
 *     url: http://127.0.0.1:8090/feed.xml
 *     kind: feed                  # feed | sitemap | page
 *     pollInterval: 1m            # ISO-8601 (PT15M) or a number with ms, s, m, h or d; default 15m
 *     tags: [demo]                # optional
 *     allowPrivateAddresses: true # optional, default false
 * </pre>
 */
public final class SourcesFile {

	/** Poll interval of a source that does not give one. */
	public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(15);

	/** Shortest poll interval accepted: anything shorter is rude to the site. */
	public static final Duration MIN_POLL_INTERVAL = Duration.ofSeconds(10);

	private static final String CLASSPATH_PREFIX = "classpath:";

	private static final Set<String> SOURCE_KEYS = Set.of("name", "url", "kind", "pollInterval", "tags",
			"allowPrivateAddresses");

	private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

	private SourcesFile() {
	}

	/**
	 * Loads the sources at {@code location}, a file path or a {@code classpath:} location.
	 * @throws SourcesConfigException if the file is missing, unreadable or invalid
	 */
	public static List<Source> load(String location) {
		if (location.startsWith(CLASSPATH_PREFIX)) {
			String resource = location.substring(CLASSPATH_PREFIX.length()).replaceFirst("^/", "");
			InputStream in = SourcesFile.class.getClassLoader().getResourceAsStream(resource);
			if (in == null) {
				throw new SourcesConfigException(location, 0, "no such file on the classpath");
			}
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				return parse(location, reader);
			}
			catch (IOException ex) {
				throw new SourcesConfigException(location, 0, "cannot be read: " + ex.getMessage(), ex);
			}
		}
		Path path = Path.of(location.startsWith("file:") ? location.substring("file:".length()) : location);
		String file = path.toAbsolutePath().normalize().toString();
		try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			return parse(file, reader);
		}
		catch (NoSuchFileException ex) {
			throw new SourcesConfigException(file, 0, "no such file");
		}
		catch (IOException ex) {
			throw new SourcesConfigException(file, 0, "cannot be read: " + ex, ex);
		}
	}

	/**
	 * Parses sources from {@code reader}; {@code file} names the input in error messages.
	 * @throws SourcesConfigException if the input is not valid
	 */
	public static List<Source> parse(String file, Reader reader) {
		Node root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			options.setMaxAliasesForCollections(10);
			root = new Yaml(new SafeConstructor(options)).compose(reader);
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			String problem = (ex.getProblem() != null) ? ex.getProblem() : ex.getMessage();
			throw new SourcesConfigException(file, (mark != null) ? mark.getLine() + 1 : 0, "not valid YAML: " + problem,
					ex);
		}
		catch (YAMLException ex) {
			throw new SourcesConfigException(file, 0, "not valid YAML: " + ex.getMessage(), ex);
		}
		return new Parser(file).sources(root);
	}

	/**
	 * Parses a poll interval: ISO-8601 ({@code PT15M}) or a whole number with a unit ({@code 90s},
	 * {@code 15m}, {@code 1h}, {@code 1d}, {@code 500ms}).
	 * @throws IllegalArgumentException if the text is neither
	 */
	public static Duration parseInterval(String text) {
		String trimmed = text.trim();
		Matcher matcher = SHORT_DURATION.matcher(trimmed.toLowerCase(Locale.ROOT));
		if (matcher.matches()) {
			long amount = Long.parseLong(matcher.group(1));
			return switch (matcher.group(2)) {
				case "ms" -> Duration.ofMillis(amount);
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofDays(amount);
			};
		}
		try {
			return Duration.parse(trimmed);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"'" + text + "' is not a duration (use ISO-8601 like PT15M, or a number with ms, s, m, h or d like 15m)");
		}
	}

	/** Walks the node tree of one file, failing at the first problem with its line. */
	private static final class Parser {

		private final String file;

		Parser(String file) {
			this.file = file;
		}

		List<Source> sources(Node root) {
			if (root == null) {
				throw new SourcesConfigException(this.file, 0, "is empty; expected a top-level 'sources:' list");
			}
			Map<String, NodeTuple> top = mapping(root, "the top level", Set.of("sources"));
			NodeTuple sourcesEntry = top.get("sources");
			if (sourcesEntry == null) {
				throw error(root, "missing the top-level key 'sources'");
			}
			Node list = sourcesEntry.getValueNode();
			if (!(list instanceof SequenceNode sequence)) {
				throw error(list, "'sources' must be a list of sources");
			}
			List<Source> sources = new ArrayList<>();
			Map<String, Integer> namesSeen = new HashMap<>();
			for (Node item : sequence.getValue()) {
				Source source = source(item);
				Integer earlier = namesSeen.putIfAbsent(source.name(), line(item));
				if (earlier != null) {
					throw error(item, "duplicate source name '" + source.name() + "' (first used on line " + earlier + ")");
				}
				sources.add(source);
			}
			return List.copyOf(sources);
		}

		private Source source(Node node) {
			Map<String, NodeTuple> keys = mapping(node, "a source", SOURCE_KEYS);
			String name = requiredString(node, keys, "name");
			URI url = url(keys.get("url"), node);
			SourceKind kind = kind(keys.get("kind"), node);
			Duration interval = interval(keys.get("pollInterval"));
			List<String> tags = tags(keys.get("tags"));
			boolean allowPrivate = bool(keys.get("allowPrivateAddresses"));
			return new Source(name, url, kind, interval, tags, allowPrivate);
		}

		private Map<String, NodeTuple> mapping(Node node, String what, Set<String> allowed) {
			if (!(node instanceof MappingNode mapping)) {
				throw error(node, what + " must be a mapping of keys to values");
			}
			Map<String, NodeTuple> keys = new LinkedHashMap<>();
			for (NodeTuple tuple : mapping.getValue()) {
				Node keyNode = tuple.getKeyNode();
				if (!(keyNode instanceof ScalarNode scalar)) {
					throw error(keyNode, "keys must be plain names");
				}
				String key = scalar.getValue();
				if (!allowed.contains(key)) {
					throw error(keyNode, "unknown key '" + key + "' in " + what + " (allowed: "
							+ String.join(", ", allowed.stream().sorted().toList()) + ")");
				}
				if (keys.put(key, tuple) != null) {
					throw error(keyNode, "duplicate key '" + key + "'");
				}
			}
			return keys;
		}

		private String requiredString(Node owner, Map<String, NodeTuple> keys, String key) {
			NodeTuple tuple = keys.get(key);
			if (tuple == null) {
				throw error(owner, "a source needs '" + key + "'");
			}
			String value = scalar(tuple.getValueNode(), key).trim();
			if (value.isEmpty()) {
				throw error(tuple.getValueNode(), "'" + key + "' must not be empty");
			}
			return value;
		}

		private URI url(NodeTuple tuple, Node owner) {
			if (tuple == null) {
				throw error(owner, "a source needs 'url'");
			}
			Node node = tuple.getValueNode();
			String text = scalar(node, "url").trim();
			URI uri;
			try {
				uri = new URI(text);
			}
			catch (URISyntaxException ex) {
				throw error(node, "'url' is not a valid URL: " + ex.getMessage());
			}
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("http") && !scheme.equals("https")) {
				throw error(node, "'url' must be an absolute http or https URL, was '" + text + "'");
			}
			if (uri.getHost() == null || uri.getHost().isEmpty()) {
				throw error(node, "'url' has no host: '" + text + "'");
			}
			if (uri.getRawUserInfo() != null) {
				throw error(node, "'url' must not carry a user name or password");
			}
			return uri;
		}

		private SourceKind kind(NodeTuple tuple, Node owner) {
			if (tuple == null) {
				throw error(owner, "a source needs 'kind' (feed, sitemap or page)");
			}
			String text = scalar(tuple.getValueNode(), "kind").trim();
			for (SourceKind kind : SourceKind.values()) {
				if (kind.name().equalsIgnoreCase(text)) {
					return kind;
				}
			}
			throw error(tuple.getValueNode(), "'kind' must be feed, sitemap or page, was '" + text + "'");
		}

		private Duration interval(NodeTuple tuple) {
			if (tuple == null) {
				return DEFAULT_POLL_INTERVAL;
			}
			Node node = tuple.getValueNode();
			Duration interval;
			try {
				interval = parseInterval(scalar(node, "pollInterval"));
			}
			catch (IllegalArgumentException ex) {
				throw error(node, "'pollInterval' " + ex.getMessage());
			}
			if (interval.compareTo(MIN_POLL_INTERVAL) < 0) {
				throw error(node, "'pollInterval' must be at least " + MIN_POLL_INTERVAL.toSeconds() + "s, was "
						+ scalar(node, "pollInterval"));
			}
			return interval;
		}

		private List<String> tags(NodeTuple tuple) {
			if (tuple == null) {
				return List.of();
			}
			Node node = tuple.getValueNode();
			if (!(node instanceof SequenceNode sequence)) {
				throw error(node, "'tags' must be a list, like [research, labs]");
			}
			List<String> tags = new ArrayList<>();
			for (Node item : sequence.getValue()) {
				String tag = scalar(item, "a tag").trim();
				if (tag.isEmpty()) {
					throw error(item, "tags must not be empty");
				}
				tags.add(tag);
			}
			return tags;
		}

		private boolean bool(NodeTuple tuple) {
			if (tuple == null) {
				return false;
			}
			String text = scalar(tuple.getValueNode(), "allowPrivateAddresses").trim();
			if (text.equals("true")) {
				return true;
			}
			if (text.equals("false")) {
				return false;
			}
			throw error(tuple.getValueNode(), "'allowPrivateAddresses' must be true or false, was '" + text + "'");
		}

		private String scalar(Node node, String what) {
			if (!(node instanceof ScalarNode scalar)) {
				throw error(node, "'" + what + "' must be a single value, not a list or mapping");
			}
			return scalar.getValue();
		}

		private SourcesConfigException error(Node node, String reason) {
			return new SourcesConfigException(this.file, line(node), reason);
		}

		private static int line(Node node) {
			return (node.getStartMark() != null) ? node.getStartMark().getLine() + 1 : 0;
		}

	}

}
