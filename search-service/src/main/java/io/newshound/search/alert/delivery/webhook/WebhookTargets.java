package io.newshound.search.alert.delivery.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import io.newshound.support.net.AddressGuard;

/**
 * Which webhook URLs may be called: absolute {@code http(s)} URLs without credentials whose host resolves to public
 * addresses only (the crawler's {@link AddressGuard}: no loopback, private, link-local or metadata addresses), unless
 * {@code allowPrivateAddresses} is set. Checked when a webhook is saved and again before every call, since DNS
 * answers change.
 */
public final class WebhookTargets {

	/** Why a URL is refused, for the user to read. */
	public static final class RefusedTarget extends Exception {

		public RefusedTarget(String message) {
			super(message);
		}

	}

	private final AddressGuard guard;

	private final boolean allowPrivate;

	private final List<String> schemes;

	public WebhookTargets(AddressGuard guard, boolean allowPrivate, List<String> schemes) {
		this.guard = guard;
		this.allowPrivate = allowPrivate;
		this.schemes = schemes.stream().map((scheme) -> scheme.toLowerCase(Locale.ROOT)).toList();
	}

	/** The URL if it may be called; resolves its host (blocking). */
	public URI check(String url) throws RefusedTarget {
		if (url == null || url.isBlank() || url.length() > 2000) {
			throw new RefusedTarget("must be an absolute URL of at most 2000 characters");
		}
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new RefusedTarget("is not a valid URL: " + ex.getReason());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (scheme == null || !this.schemes.contains(scheme)) {
			throw new RefusedTarget("must use " + String.join(" or ", this.schemes));
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw new RefusedTarget("has no host");
		}
		if (uri.getRawUserInfo() != null) {
			throw new RefusedTarget("must not hold credentials");
		}
		try {
			AddressGuard.Verdict verdict = this.guard.check(uri.getHost(), this.allowPrivate);
			if (!verdict.allowed()) {
				throw new RefusedTarget("points to a non-public address (" + verdict.refusal() + ")");
			}
		}
		catch (UnknownHostException ex) {
			throw new RefusedTarget("has a host that does not resolve: " + uri.getHost());
		}
		return uri;
	}

}
