package io.newshound.search.alert.subscription;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.newshound.search.alert.delivery.webhook.WebhookTargets;
import io.newshound.search.query.QueryParser;
import io.newshound.search.query.QuerySyntaxException;

/**
 * Reads the JSON body of {@code POST} and {@code PATCH /api/alerts}: every field is checked, and a wrong one is an
 * {@link AlertRequestException} naming it. The query is parsed with the search parser and its limits, so an alert
 * accepts exactly the queries that search accepts. Checking a webhook resolves its host: call off the event loop.
 */
public final class AlertRequests {

	static final int MAX_NAME = 200;

	static final int MAX_VALUES = 20;

	static final int MAX_VALUE = 200;

	private final QueryParser parser;

	private final int maxQueryLength;

	private final WebhookTargets targets;

	public AlertRequests(QueryParser parser, int maxQueryLength, WebhookTargets targets) {
		this.parser = parser;
		this.maxQueryLength = maxQueryLength;
		this.targets = targets;
	}

	String name(Object value) {
		String name = string("name", value);
		if (name == null || name.isBlank()) {
			throw new AlertRequestException("name", "is required");
		}
		String stripped = name.strip();
		if (stripped.length() > MAX_NAME || hasControl(stripped)) {
			throw new AlertRequestException("name", "must be at most " + MAX_NAME + " characters, without control characters");
		}
		return stripped;
	}

	String query(Object value) {
		String query = string("query", value);
		if (query == null || query.isBlank()) {
			throw new AlertRequestException("query", "is required (in the syntax of /api/search's q)");
		}
		String stripped = query.strip();
		if (stripped.length() > this.maxQueryLength) {
			throw new AlertRequestException("query", "is " + stripped.length() + " characters long; at most "
					+ this.maxQueryLength + " are accepted");
		}
		if (hasControl(stripped)) {
			throw new AlertRequestException("query", "contains control characters");
		}
		try {
			this.parser.parse(stripped);
		}
		catch (QuerySyntaxException ex) {
			throw new AlertRequestException("query", ex.getMessage());
		}
		return stripped;
	}

	/** A list of strings, or one string; {@code null} is empty. */
	List<String> values(String field, Object value) {
		if (value == null) {
			return List.of();
		}
		List<?> raw = (value instanceof List<?> list) ? list : List.of(value);
		if (raw.size() > MAX_VALUES) {
			throw new AlertRequestException(field, "holds more than " + MAX_VALUES + " values");
		}
		List<String> values = new ArrayList<>();
		for (Object item : raw) {
			if (!(item instanceof String text) || text.isBlank() || text.strip().length() > MAX_VALUE || hasControl(text)) {
				throw new AlertRequestException(field, "must be a list of values of the '" + field
						+ "' facet (non-empty strings of at most " + MAX_VALUE + " characters)");
			}
			values.add(text.strip());
		}
		return List.copyOf(values);
	}

	String language(Object value) {
		String lang = string("lang", value);
		if (lang == null || lang.isBlank()) {
			return null;
		}
		if (!lang.strip().matches("[A-Za-z]{2,3}")) {
			throw new AlertRequestException("lang", "must be an ISO 639-1 language code such as 'en'");
		}
		return lang.strip().toLowerCase(Locale.ROOT);
	}

	boolean flag(String field, Object value, boolean absent) {
		if (value == null) {
			return absent;
		}
		if (!(value instanceof Boolean flag)) {
			throw new AlertRequestException(field, "must be true or false");
		}
		return flag;
	}

	/** The webhook's URL, checked (blocking); {@code null} when there is no webhook. */
	String webhookUrl(Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof Map<?, ?> webhook) || !(webhook.get("url") instanceof String url)) {
			throw new AlertRequestException("webhook", "must be an object with a 'url'");
		}
		try {
			URI checked = this.targets.check(url);
			return checked.toString();
		}
		catch (WebhookTargets.RefusedTarget ex) {
			throw new AlertRequestException("webhook.url", ex.getMessage());
		}
	}

	private static String string(String field, Object value) {
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw new AlertRequestException(field, "must be a string");
		}
		return text;
	}

	private static boolean hasControl(String text) {
		return text.chars().anyMatch((c) -> Character.isISOControl(c) && c != ' ');
	}

}
