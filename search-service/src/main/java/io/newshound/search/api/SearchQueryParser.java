package io.newshound.search.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import io.newshound.search.SearchProperties;

/** Turns request parameters into a {@link SearchQuery}, naming the parameter when one is wrong. */
class SearchQueryParser {

	private final SearchProperties properties;

	SearchQueryParser(SearchProperties properties) {
		this.properties = properties;
	}

	SearchQuery parse(String q, String source, String tag, String lang, String from, String to, String sort,
			String size) {
		String text = (q != null) ? q.strip() : "";
		if (text.length() > this.properties.maxQueryLength()) {
			throw new InvalidParameterException("q", "is " + text.length() + " characters long; at most "
					+ this.properties.maxQueryLength() + " are accepted");
		}
		if (text.chars().anyMatch((c) -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
			throw new InvalidParameterException("q", "contains control characters");
		}
		Instant fromTime = instant("from", from);
		Instant toTime = instant("to", to);
		if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
			throw new InvalidParameterException("from", "must be before 'to'");
		}
		return new SearchQuery(text, blankToNull(source), blankToNull(tag), language(lang), fromTime, toTime,
				sort(sort), size(size));
	}

	private int size(String size) {
		if (size == null || size.isBlank()) {
			return this.properties.defaultSize();
		}
		int value;
		try {
			value = Integer.parseInt(size.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidParameterException("size", "must be a whole number from 1 to " + this.properties.maxSize());
		}
		if (value < 1 || value > this.properties.maxSize()) {
			throw new InvalidParameterException("size", "must be from 1 to " + this.properties.maxSize() + ", was " + value);
		}
		return value;
	}

	private static SearchQuery.Sort sort(String sort) {
		if (sort == null || sort.isBlank() || sort.equals("relevance")) {
			return SearchQuery.Sort.RELEVANCE;
		}
		if (sort.equals("recent")) {
			return SearchQuery.Sort.RECENT;
		}
		throw new InvalidParameterException("sort", "must be 'relevance' or 'recent'");
	}

	private static String language(String lang) {
		String value = blankToNull(lang);
		if (value != null && !value.matches("[A-Za-z]{2,3}")) {
			throw new InvalidParameterException("lang", "must be an ISO 639-1 language code such as 'en'");
		}
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	private static Instant instant(String name, String value) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		try {
			return (text.length() == 10) ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
					: Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidParameterException(name, "must be a date (2026-11-29) or an instant (2026-11-29T08:00:00Z)");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
