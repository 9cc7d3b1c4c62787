package io.newshound.crawler.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The schema.org article described by a page's JSON-LD ({@code NewsArticle}, {@code Article},
 * {@code BlogPosting}, …), found in any {@code application/ld+json} script, inside arrays and
 * {@code @graph}. Parsing is lenient (trailing commas, raw control characters) because pages are.
 */
final class JsonLd {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
				JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
		.build();

	private final JsonNode article;

	private final List<JsonNode> all;

	private JsonLd(JsonNode article, List<JsonNode> all) {
		this.article = article;
		this.all = all;
	}

	static JsonLd of(Document document) {
		List<JsonNode> objects = new ArrayList<>();
		for (Element script : document.select("script[type~=(?i)application/ld\\+json]")) {
			String text = script.data().strip();
			if (text.isEmpty()) {
				continue;
			}
			try {
				collect(JSON.readTree(text), objects, 0);
			}
			catch (JacksonException ex) {
				// a broken block is ignored; the page's other signals still count
			}
		}
		JsonNode article = objects.stream().filter(JsonLd::isArticle).findFirst().orElse(null);
		return new JsonLd(article, objects);
	}

	private static void collect(JsonNode node, List<JsonNode> into, int depth) {
		if (node == null || depth > 5) {
			return;
		}
		if (node.isArray()) {
			for (JsonNode item : node) {
				collect(item, into, depth + 1);
			}
		}
		else if (node.isObject()) {
			into.add(node);
			collect(node.get("@graph"), into, depth + 1);
			JsonNode main = node.get("mainEntity");
			if (main != null && main.isObject()) {
				collect(main, into, depth + 1);
			}
		}
	}

	private static boolean isArticle(JsonNode node) {
		for (String type : types(node)) {
			String lower = type.toLowerCase(Locale.ROOT);
			if (lower.endsWith("article") || lower.equals("blogposting") || lower.equals("liveblogposting")
					|| lower.equals("report") || lower.equals("socialmediaposting")) {
				return true;
			}
		}
		return false;
	}

	private static List<String> types(JsonNode node) {
		JsonNode type = node.get("@type");
		List<String> types = new ArrayList<>();
		if (type == null) {
			return types;
		}
		if (type.isArray()) {
			type.forEach((t) -> types.add(t.asString("")));
		}
		else {
			types.add(type.asString(""));
		}
		return types;
	}

	boolean hasArticle() {
		return this.article != null;
	}

	String headline() {
		String headline = text(this.article, "headline");
		return (headline != null) ? headline : text(this.article, "name");
	}

	String datePublished() {
		return text(this.article, "datePublished");
	}

	String dateModified() {
		return text(this.article, "dateModified");
	}

	String description() {
		return text(this.article, "description");
	}

	String articleBody() {
		return text(this.article, "articleBody");
	}

	String inLanguage() {
		JsonNode language = (this.article != null) ? this.article.get("inLanguage") : null;
		if (language != null && language.isObject()) {
			return text(language, "alternateName");
		}
		return text(this.article, "inLanguage");
	}

	String url() {
		String url = text(this.article, "url");
		if (url != null) {
			return url;
		}
		JsonNode main = (this.article != null) ? this.article.get("mainEntityOfPage") : null;
		if (main != null && main.isObject()) {
			return text(main, "@id");
		}
		return (main != null && main.isString()) ? main.asString() : null;
	}

	List<String> authors() {
		List<String> names = new ArrayList<>();
		JsonNode author = (this.article != null) ? this.article.get("author") : null;
		if (author == null) {
			return names;
		}
		for (JsonNode one : author.isArray() ? author : List.of(author)) {
			String name = one.isObject() ? text(one, "name") : one.isString() ? one.asString().strip() : null;
			if (name == null && one.isObject() && one.has("@id")) {
				name = nameOfReference(text(one, "@id"));
			}
			if (name != null && !name.isEmpty() && !name.startsWith("http")) {
				names.add(name);
			}
		}
		return names;
	}

	private String nameOfReference(String id) {
		if (id == null) {
			return null;
		}
		for (JsonNode node : this.all) {
			if (id.equals(text(node, "@id")) && types(node).contains("Person")) {
				return text(node, "name");
			}
		}
		return null;
	}

	String image() {
		JsonNode image = (this.article != null) ? this.article.get("image") : null;
		if (image == null) {
			return null;
		}
		JsonNode first = (image.isArray() && !image.isEmpty()) ? image.get(0) : image;
		if (first.isObject()) {
			return text(first, "url");
		}
		return first.isString() ? first.asString().strip() : null;
	}

	String publisherName() {
		JsonNode publisher = (this.article != null) ? this.article.get("publisher") : null;
		if (publisher != null && publisher.isObject()) {
			return text(publisher, "name");
		}
		return null;
	}

	private static String text(JsonNode node, String field) {
		if (node == null) {
			return null;
		}
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isArray()) {
			value = value.isEmpty() ? null : value.get(0);
		}
		if (value == null || !value.isValueNode()) {
			return null;
		}
		String text = value.asString().strip();
		return text.isEmpty() ? null : text;
	}

}
