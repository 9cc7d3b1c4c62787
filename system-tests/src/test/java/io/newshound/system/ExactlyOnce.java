package io.newshound.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts, by article id, the articles of one source that Elasticsearch holds (every index behind the
 * {@code news-articles} alias) and that {@code GET /api/search} returns, page after page, so that a test
 * sees both what was lost and what is there twice. Count, don't sample.
 */
final class ExactlyOnce {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String elasticsearchUrl;

	ExactlyOnce(String elasticsearchUrl) {
		this.elasticsearchUrl = elasticsearchUrl;
	}

	/** What was found for a set of expected ids. */
	record Tally(Map<String, Integer> found, Set<String> expected) {

		long lost() {
			return this.expected.stream().filter((id) -> !this.found.containsKey(id)).count();
		}

		long duplicates() {
			return this.found.values().stream().filter((times) -> times > 1).count();
		}

		/** Ids found that nobody published under this source. */
		long unexpected() {
			return this.found.keySet().stream().filter((id) -> !this.expected.contains(id)).count();
		}

	}

	/** Each document of {@code source} in the alias, by {@code _id} (at most 10,000). */
	Tally inElasticsearch(String source, Set<String> expected) throws IOException, InterruptedException {
		String query = JSON.writeValueAsString(Map.of("size", 10_000, "_source", false, "track_total_hits", true,
				"query", Map.of("term", Map.of("source", source))));
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.elasticsearchUrl + "/news-articles/_search"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(query))
			.build();
		JsonNode body = JSON.readTree(this.http.send(request, HttpResponse.BodyHandlers.ofString()).body());
		Map<String, Integer> found = new HashMap<>();
		for (JsonNode hit : body.path("hits").path("hits")) {
			found.merge(hit.path("_id").asString(), 1, Integer::sum);
		}
		return new Tally(found, expected);
	}

	/** Each hit of {@code GET /api/search?source=…}, following {@code nextCursor} to the last page. */
	Tally inSearchApi(int searchPort, String source, Set<String> expected) throws IOException, InterruptedException {
		Map<String, Integer> found = new HashMap<>();
		String base = "http://127.0.0.1:" + searchPort + "/api/search?size=100&sort=recent&source="
				+ URLEncoder.encode(source, StandardCharsets.UTF_8);
		String cursor = null;
		for (int page = 0; page < 1000; page++) {
			String url = base + ((cursor != null) ? "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8) : "");
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
			}
			JsonNode body = JSON.readTree(response.body());
			for (JsonNode hit : body.path("hits")) {
				found.merge(hit.path("id").asString(), 1, Integer::sum);
				for (JsonNode other : hit.path("otherSources")) {
					found.merge(other.path("id").asString(), 1, Integer::sum);
				}
			}
			JsonNode next = body.path("nextCursor");
			if (next.isMissingNode() || next.isNull()) {
				return new Tally(found, expected);
			}
			cursor = next.asString();
		}
		throw new IllegalStateException("more than 1000 pages for source " + source);
	}

	/** The union of two tallies of the same ids: lost if either lost it, duplicated if either has it twice. */
	static Tally worst(Tally a, Tally b) {
		Map<String, Integer> found = new HashMap<>();
		for (String id : a.expected()) {
			if (a.found().containsKey(id) && b.found().containsKey(id)) {
				found.put(id, Math.max(a.found().get(id), b.found().get(id)));
			}
		}
		List.of(a, b).forEach((tally) -> tally.found().forEach((id, times) -> {
			if (!tally.expected().contains(id) || times > 1) {
				found.merge(id, times, Math::max);
			}
		}));
		return new Tally(found, a.expected());
	}

}
