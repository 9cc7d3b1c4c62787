package io.newshound.crawler.state;

import java.time.Instant;

import io.newshound.crawler.state.CrawlState.FetchedUrl;
import io.newshound.crawler.state.CrawlState.PublishedArticle;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The keyed records of the crawl state as JSON, one format for the file journal and the Kafka topic:
 * {@code {"type":"article","id":…,"url":…,"hash":…,"updatedAt":…,"signature":…,"storyId":…}} under
 * the key {@code article:<id>}, and {@code {"type":"url","url":…,"etag":…,"lastModified":…,"fetchedAt":…}}
 * under {@code url:<url>}. Optional fields are left out when {@code null}.
 */
final class StateRecords {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private StateRecords() {
	}

	static String key(PublishedArticle article) {
		return "article:" + article.articleId();
	}

	static String key(FetchedUrl url) {
		return "url:" + url.url();
	}

	static ObjectNode toJson(PublishedArticle article) {
		ObjectNode node = JSON.createObjectNode();
		node.put("type", "article");
		node.put("id", article.articleId());
		node.put("url", article.url());
		node.put("hash", article.contentHash());
		node.put("updatedAt", article.updatedAt().toString());
		putIfPresent(node, "signature", article.signature());
		putIfPresent(node, "storyId", article.storyId());
		return node;
	}

	static ObjectNode toJson(FetchedUrl url) {
		ObjectNode node = JSON.createObjectNode();
		node.put("type", "url");
		node.put("url", url.url());
		putIfPresent(node, "etag", url.etag());
		putIfPresent(node, "lastModified", url.lastModified());
		node.put("fetchedAt", url.fetchedAt().toString());
		return node;
	}

	/**
	 * The record a JSON node holds: a {@link PublishedArticle}, a {@link FetchedUrl}, or {@code null}
	 * for a type this version does not know.
	 * @throws RuntimeException (Jackson, parsing, null) when the node is not a valid record
	 */
	static Object fromJson(JsonNode record) {
		String type = record.get("type").asString();
		if (type.equals("article")) {
			return new PublishedArticle(record.get("id").asString(), record.get("url").asString(),
					record.get("hash").asString(), Instant.parse(record.get("updatedAt").asString()),
					text(record, "signature"), text(record, "storyId"));
		}
		if (type.equals("url")) {
			return new FetchedUrl(record.get("url").asString(), text(record, "etag"), text(record, "lastModified"),
					Instant.parse(record.get("fetchedAt").asString()));
		}
		return null;
	}

	private static void putIfPresent(ObjectNode node, String field, String value) {
		if (value != null) {
			node.put(field, value);
		}
	}

	private static String text(JsonNode record, String field) {
		JsonNode value = record.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

}
