package io.newshound.crawler.extract;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient parsing of the dates found in pages: ISO-8601 variants, RFC 1123, and dates in URLs. */
final class Dates {

	private static final Pattern OFFSET_WITHOUT_COLON = Pattern.compile("([+-]\\d{2})(\\d{2})$");

	private static final Pattern URL_DATE = Pattern
		.compile("/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:/|-|$)");

	/** Dates before this are not believed. */
	private static final Instant EARLIEST = Instant.parse("1995-01-01T00:00:00Z");

	private Dates() {
	}

	/** @return the instant, or {@code null} when the text is not a date we understand */
	static Instant parse(String text) {
		if (text == null) {
			return null;
		}
		String value = text.strip();
		if (value.isEmpty()) {
			return null;
		}
		Instant instant = parseStrict(value);
		return (instant != null && instant.isAfter(EARLIEST)) ? instant : null;
	}

	private static Instant parseStrict(String value) {
		String iso = value.replaceFirst("^(\\d{4}-\\d{2}-\\d{2})[ ](\\d)", "$1T$2");
		iso = OFFSET_WITHOUT_COLON.matcher(iso).replaceFirst("$1:$2");
		if (iso.endsWith(" UTC") || iso.endsWith(" GMT")) {
			iso = iso.substring(0, iso.length() - 4) + "Z";
		}
		try {
			return OffsetDateTime.parse(iso).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return ZonedDateTime.parse(iso).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return LocalDate.parse(iso.length() >= 10 ? iso.substring(0, 10) : iso).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** A date in a URL's path ({@code /2025/03/14/…}), as the start of that day in UTC, or {@code null}. */
	static Instant fromUrl(URI url) {
		if (url == null || url.getPath() == null) {
			return null;
		}
		Matcher matcher = URL_DATE.matcher(url.getPath());
		if (!matcher.find()) {
			return null;
		}
		try {
			return LocalDate
				.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)))
				.atStartOfDay()
				.toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

}
