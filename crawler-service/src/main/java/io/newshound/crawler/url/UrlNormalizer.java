package io.newshound.crawler.url;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import crawlercommons.domains.EffectiveTldFinder;

/**
 * URL identity: the normal form under which an article is known, so that the same article reached
 * through different links gets the same id. Lower-case scheme and host, no default port, no fragment,
 * dot segments resolved, an empty path as {@code /}, and tracking parameters ({@code utm_*},
 * {@code fbclid}, {@code gclid}, …) removed; other parameters keep their order.
 */
public final class UrlNormalizer {

	private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "gclsrc", "dclid", "msclkid",
			"yclid", "igshid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id",
			"wickedid", "twclid", "ttclid", "li_fat_id", "s_cid", "cmpid", "ocid", "_ga", "_gl", "ref_src", "ref_url");

	private UrlNormalizer() {
	}

	/**
	 * Parses {@code url}, relative to {@code base} when given, and normalises it.
	 * @return the normal form, or empty when the text is not an http(s) URL
	 */
	public static Optional<URI> normalize(URI base, String url) {
		if (url == null || url.isBlank()) {
			return Optional.empty();
		}
		try {
			URI uri = new URI(url.strip().replace(" ", "%20"));
			if (base != null) {
				uri = base.resolve(uri);
			}
			return normalize(uri);
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** @return the normal form of {@code uri}, or empty when it is not an absolute http(s) URL with a host */
	public static Optional<URI> normalize(URI uri) {
		if (uri == null || uri.getScheme() == null) {
			return Optional.empty();
		}
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https")) {
			return Optional.empty();
		}
		String host = uri.getHost();
		if (host == null || host.isEmpty()) {
			return Optional.empty();
		}
		host = host.toLowerCase(Locale.ROOT);
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		int port = uri.getPort();
		if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
			port = -1;
		}
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		String query = stripTracking(uri.getRawQuery());
		StringBuilder text = new StringBuilder(scheme).append("://").append(host);
		if (port != -1) {
			text.append(':').append(port);
		}
		text.append(path);
		if (query != null) {
			text.append('?').append(query);
		}
		try {
			return Optional.of(new URI(text.toString()).normalize());
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	/** Whether {@code name} is a tracking parameter that never changes what a page shows. */
	public static boolean isTrackingParameter(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.startsWith("utm_") || TRACKING_PARAMETERS.contains(lower);
	}

	/**
	 * The registrable domain of {@code host} ({@code news.bbc.co.uk} → {@code bbc.co.uk}), or the host
	 * itself when it has none (an IP address, {@code localhost}).
	 */
	public static String site(String host) {
		if (host == null) {
			return "";
		}
		String lower = host.toLowerCase(Locale.ROOT);
		String domain = EffectiveTldFinder.getAssignedDomain(lower, true, false);
		return (domain != null && !domain.isEmpty()) ? domain : lower;
	}

	/** Whether both URLs belong to the same registrable domain. */
	public static boolean sameSite(URI a, URI b) {
		return a.getHost() != null && b.getHost() != null && site(a.getHost()).equals(site(b.getHost()));
	}

	private static String stripTracking(String rawQuery) {
		if (rawQuery == null || rawQuery.isEmpty()) {
			return null;
		}
		List<String> kept = new ArrayList<>();
		for (String pair : rawQuery.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = (eq >= 0) ? pair.substring(0, eq) : pair;
			if (!isTrackingParameter(name)) {
				kept.add(pair);
			}
		}
		return kept.isEmpty() ? null : String.join("&", kept);
	}

}
