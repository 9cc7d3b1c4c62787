package io.newshound.crawler.cluster;

import java.net.URI;
import java.time.Instant;

import io.newshound.crawler.discovery.DiscoveredLink;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An article link handed to the instance that owns its host, as a record of the frontier topic (key:
 * the host, value: this as JSON, {@code {"source":…,"url":…,"title":…,"published":…,"updated":…,
 * "author":…,"summary":…,"redirects":0}}, absent fields meaning {@code null}).
 *
 * @param source the name of the source that found the link (sources are configured alike on every
 * instance)
 * @param link the link, with what the feed said about it
 * @param redirects how many times the link was handed on because a redirect led to a host of another
 * instance
 */
public record FrontierItem(String source, DiscoveredLink link, int redirects) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public String toJson() {
		ObjectNode node = JSON.createObjectNode();
		node.put("source", this.source);
		node.put("url", this.link.url().toString());
		putIfPresent(node, "title", this.link.title());
		putIfPresent(node, "published", (this.link.published() != null) ? this.link.published().toString() : null);
		putIfPresent(node, "updated", (this.link.updated() != null) ? this.link.updated().toString() : null);
		putIfPresent(node, "author", this.link.author());
		putIfPresent(node, "summary", this.link.summary());
		node.put("redirects", this.redirects);
		return JSON.writeValueAsString(node);
	}

	/**
	 * @throws RuntimeException (Jackson, URI, date parsing, null) if {@code json} is not a frontier item
	 */
	public static FrontierItem fromJson(String json) {
		JsonNode node = JSON.readTree(json);
		DiscoveredLink link = new DiscoveredLink(URI.create(node.get("url").asString()), text(node, "title"),
				instant(node, "published"), instant(node, "updated"), text(node, "author"), text(node, "summary"));
		JsonNode redirects = node.get("redirects");
		return new FrontierItem(node.get("source").asString(), link, (redirects != null) ? redirects.asInt() : 0);
	}

	private static void putIfPresent(ObjectNode node, String field, String value) {
		if (value != null) {
			node.put(field, value);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static Instant instant(JsonNode node, String field) {
		String text = text(node, field);
		return (text != null) ? Instant.parse(text) : null;
	}

}
