package io.newshound.search.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newshound.search.SearchProperties;
import io.newshound.search.query.QueryNode;
import io.newshound.search.query.QueryParser;
import io.newshound.search.query.QuerySyntaxException;

/** Turns request parameters into a {@link SearchQuery}, naming the parameter when one is wrong. */
class SearchQueryParser {

	private static final Pattern RELATIVE = Pattern.compile("(\\d{1,4})([hdw])");

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}");

	private static final Duration MAX_RELATIVE = Duration.ofDays(3660);

	private final SearchProperties properties;

	private final QueryParser queryParser;

	private final CursorCodec cursors;

	private final Clock clock;

	SearchQueryParser(SearchProperties properties, CursorCodec cursors, Clock clock) {
		this.properties = properties;
		this.queryParser = new QueryParser(properties.maxQueryTerms(), properties.maxQueryDepth(),
				properties.minPrefixLength());
		this.cursors = cursors;
		this.clock = clock;
	}

	SearchQuery parse(String q, String source, String tag, String lang, String from, String to, String sort,
			String size, String cursor) {
		String text = (q != null) ? q.strip() : "";
		if (text.length() > this.properties.maxQueryLength()) {
			throw new InvalidParameterException("q", "is " + text.length() + " characters long; at most "
					+ this.properties.maxQueryLength() + " are accepted");
		}
		if (text.chars().anyMatch((c) -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
			throw new InvalidParameterException("q", "contains control characters");
		}
		QueryNode query = query(text);
		String sourceValue = keyword("source", source);
		String tagValue = keyword("tag", tag);
		String language = language(lang);
		SearchQuery.Sort order = sort(sort);
		int pageSize = size(size);
		String fingerprint = fingerprint(text, sourceValue, tagValue, language, from, to, order);
		Cursor position = cursor(cursor, fingerprint);
		Instant now = (position != null) ? position.now() : this.clock.instant();
		Instant fromTime = instant("from", from, now);
		Instant toTime = instant("to", to, now);
		if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
			throw new InvalidParameterException("from", "must be before 'to'");
		}
		return new SearchQuery(text, query, sourceValue, tagValue, language, fromTime, toTime, order, pageSize,
				position, now, fingerprint);
	}

	private QueryNode query(String text) {
		try {
			return this.queryParser.parse(text);
		}
		catch (QuerySyntaxException ex) {
			throw new InvalidParameterException("q", ex.getMessage());
		}
	}

	private Cursor cursor(String cursor, String fingerprint) {
		String text = blankToNull(cursor);
		if (text == null) {
			return null;
		}
		Cursor decoded = this.cursors.decode(text);
		if (!decoded.fingerprint().equals(fingerprint)) {
			throw new InvalidParameterException("cursor",
					"belongs to another query; send the same q, filters and sort as for the first page");
		}
		return decoded;
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
		if (sort == null || sort.isBlank() || sort.strip().equals("relevance")) {
			return SearchQuery.Sort.RELEVANCE;
		}
		if (sort.strip().equals("recent")) {
			return SearchQuery.Sort.RECENT;
		}
		throw new InvalidParameterException("sort", "must be 'relevance' or 'recent'");
	}

	private static String keyword(String name, String value) {
		String text = blankToNull(value);
		if (text != null && (text.length() > 200 || text.chars().anyMatch(Character::isISOControl))) {
			throw new InvalidParameterException(name, "must be a value of the '" + name + "' facet (at most 200 characters, no control characters)");
		}
		return text;
	}

	private static String language(String lang) {
		String value = blankToNull(lang);
		if (value != null && !LANGUAGE.matcher(value).matches()) {
			throw new InvalidParameterException("lang", "must be an ISO 639-1 language code such as 'en'");
		}
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	/** An absolute date or instant, or an age relative to {@code now}: {@code 24h}, {@code 7d}, {@code 2w}. */
	static Instant instant(String name, String value, Instant now) {
		String text = blankToNull(value);
		if (text == null) {
			return null;
		}
		Matcher relative = RELATIVE.matcher(text);
		if (relative.matches()) {
			long amount = Long.parseLong(relative.group(1));
			Duration age = switch (relative.group(2)) {
				case "h" -> Duration.ofHours(amount);
				case "d" -> Duration.ofDays(amount);
				default -> Duration.ofDays(7 * amount);
			};
			if (age.compareTo(MAX_RELATIVE) > 0) {
				throw new InvalidParameterException(name, "reaches back more than 10 years");
			}
			return now.minus(age);
		}
		try {
			return (text.length() == 10) ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
					: Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidParameterException(name,
					"must be a date (2026-11-29), an instant (2026-11-29T08:00:00Z) or an age (24h, 7d, 2w)");
		}
	}

	/** The parameters that decide which hits a page has and in which order; {@code size} may change between pages. */
	private static String fingerprint(String... parts) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String part : parts) {
				digest.update(((part != null) ? part : "\u0000").getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0x1f);
			}
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest.digest(), 12));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK provides SHA-256", ex);
		}
	}

	private static String fingerprint(String text, String source, String tag, String language, String from,
			String to, SearchQuery.Sort sort) {
		return fingerprint(text, source, tag, language, blankToNull(from), blankToNull(to), sort.name());
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
