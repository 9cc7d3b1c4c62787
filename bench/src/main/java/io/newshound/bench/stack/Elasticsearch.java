package io.newshound.bench.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few Elasticsearch REST calls the harness makes itself, as plain HTTP. */
public final class Elasticsearch {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String url;

	public Elasticsearch(String url) {
		this.url = url;
	}

	public String url() {
		return this.url;
	}

	public JsonNode get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), path);
	}

	public JsonNode put(String path, String json) {
		return send(json(path, json).PUT(HttpRequest.BodyPublishers.ofString(json)), path);
	}

	public JsonNode post(String path, String json) {
		return send(json(path, json).POST(HttpRequest.BodyPublishers.ofString(json)), path);
	}

	/** A POST without a body, as {@code _refresh} wants it. */
	public JsonNode post(String path) {
		return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.noBody()),
				path);
	}

	public JsonNode delete(String path) {
		return send(HttpRequest.newBuilder(uri(path)).DELETE(), path);
	}

	/** A bulk request body (NDJSON) as bytes; fails if any item failed. */
	public JsonNode bulk(String index, byte[] ndjson) {
		return bulk(index, ndjson, "");
	}

	/** {@link #bulk(String, byte[])} with URL parameters, such as {@code refresh=wait_for}. */
	public JsonNode bulk(String index, byte[] ndjson, String parameters) {
		String path = "/" + index + "/_bulk" + (parameters.isEmpty() ? "" : "?" + parameters);
		JsonNode response = send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-ndjson")
			.timeout(Duration.ofMinutes(2))
			.POST(HttpRequest.BodyPublishers.ofByteArray(ndjson)), path);
		if (response.path("errors").asBoolean()) {
			throw new BenchException("bulk into " + index + " had failed items: "
					+ response.path("items").path(0).toString());
		}
		return response;
	}

	private HttpRequest.Builder json(String path, String json) {
		return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json").timeout(Duration.ofMinutes(2));
	}

	private URI uri(String path) {
		return URI.create(this.url + path);
	}

	private JsonNode send(HttpRequest.Builder builder, String path) {
		try {
			HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new BenchException("Elasticsearch answered " + response.statusCode() + " to " + path + ": "
						+ response.body().substring(0, Math.min(500, response.body().length())));
			}
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new BenchException("Elasticsearch did not answer " + path + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BenchException("interrupted while calling Elasticsearch", ex);
		}
	}

}
