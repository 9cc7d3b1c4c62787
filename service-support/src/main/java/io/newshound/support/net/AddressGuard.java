package io.newshound.support.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * The guard against server-side request forgery: a URL's host is resolved and every address it
 * resolves to must be public, or the request is refused before any connection is made. Loopback,
 * private, unique-local, link-local (with the cloud metadata address 169.254.169.254), any-local,
 * multicast, carrier-grade NAT, documentation and other reserved ranges are not public, also when
 * embedded in an IPv6 address. A source with {@code allowPrivateAddresses} skips the check.
 *
 * <p>Known limit: the HTTP client resolves the host again when it connects. Both lookups go through
 * the JVM's DNS cache (30 s by default), which defeats a DNS-rebinding answer that changes between
 * them within that time; pinning the connection to the checked address would need a socket layer of
 * our own.
 */
public final class AddressGuard {

	private final HostResolver resolver;

	public AddressGuard(HostResolver resolver) {
		this.resolver = resolver;
	}

	/** The outcome of a check: {@code refusal} is {@code null} when the host may be contacted. */
	public record Verdict(String host, List<InetAddress> addresses, InetAddress refusedAddress, String refusal) {

		public boolean allowed() {
			return this.refusal == null;
		}

	}

	/**
	 * Resolves {@code host} and checks each of its addresses.
	 * @param host host name or IP literal (brackets around IPv6 are accepted)
	 * @param allowPrivate whether non-public addresses are allowed
	 * @throws UnknownHostException if the host does not resolve
	 */
	public Verdict check(String host, boolean allowPrivate) throws UnknownHostException {
		String bare = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		List<InetAddress> addresses = this.resolver.resolve(bare);
		if (addresses.isEmpty()) {
			throw new UnknownHostException(bare + " has no address");
		}
		if (!allowPrivate) {
			for (InetAddress address : addresses) {
				Optional<String> reason = nonPublicReason(address);
				if (reason.isPresent()) {
					return new Verdict(bare, addresses, address, address.getHostAddress() + " is " + reason.get());
				}
			}
		}
		return new Verdict(bare, addresses, null, null);
	}

	/** Why {@code address} is not a public address, or empty when it is one. */
	public static Optional<String> nonPublicReason(InetAddress address) {
		if (address.isLoopbackAddress()) {
			return Optional.of("a loopback address");
		}
		if (address.isAnyLocalAddress()) {
			return Optional.of("the any-local address");
		}
		if (address.isMulticastAddress()) {
			return Optional.of("a multicast address");
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return ipv4Reason(bytes);
		}
		if (address instanceof Inet6Address) {
			int first = bytes[0] & 0xff;
			int second = bytes[1] & 0xff;
			if ((first & 0xfe) == 0xfc) {
				return Optional.of("a private (unique local, fc00::/7) address");
			}
			if (first == 0xfe && (second & 0xc0) == 0x80) {
				return Optional.of("a link-local address");
			}
			if (first == 0xfe && (second & 0xc0) == 0xc0) {
				return Optional.of("a private (site-local) address");
			}
			Optional<byte[]> embedded = embeddedIpv4(bytes);
			if (embedded.isPresent()) {
				Optional<String> reason = ipv4Reason(embedded.get());
				if (reason.isPresent()) {
					return Optional.of(reason.get() + " embedded in IPv6");
				}
			}
			if (first == 0x20 && second == 0x01 && bytes[2] == 0x0d && (bytes[3] & 0xff) == 0xb8) {
				return Optional.of("a documentation (2001:db8::/32) address");
			}
			return Optional.empty();
		}
		return Optional.of("not an IP address");
	}

	private static Optional<String> ipv4Reason(byte[] b) {
		int a0 = b[0] & 0xff;
		int a1 = b[1] & 0xff;
		int a2 = b[2] & 0xff;
		if (a0 == 127) {
			return Optional.of("a loopback address");
		}
		if (a0 == 0) {
			return Optional.of("a 'this network' (0.0.0.0/8) address");
		}
		if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
			return Optional.of("a private address");
		}
		if (a0 == 169 && a1 == 254) {
			return Optional.of((a2 == 169 && (b[3] & 0xff) == 254) ? "the cloud metadata address (link-local)"
					: "a link-local address");
		}
		if (a0 == 100 && (a1 & 0xc0) == 64) {
			return Optional.of("a carrier-grade NAT (100.64.0.0/10) address");
		}
		if (a0 >= 224 && a0 <= 239) {
			return Optional.of("a multicast address");
		}
		if (a0 >= 240) {
			return Optional.of("a reserved (240.0.0.0/4 or broadcast) address");
		}
		if ((a0 == 192 && a1 == 0 && a2 == 0) || (a0 == 198 && (a1 & 0xfe) == 18)) {
			return Optional.of("a reserved (protocol assignment or benchmarking) address");
		}
		if ((a0 == 192 && a1 == 0 && a2 == 2) || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
			return Optional.of("a documentation (TEST-NET) address");
		}
		return Optional.empty();
	}

	/** IPv4 in IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) and 6to4 (2002::/16) IPv6 addresses. */
	private static Optional<byte[]> embeddedIpv4(byte[] b) {
		boolean zeroPrefix = true;
		for (int i = 0; i < 12; i++) {
			zeroPrefix &= b[i] == 0;
		}
		if (zeroPrefix) {
			return Optional.of(new byte[] { b[12], b[13], b[14], b[15] });
		}
		boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff
				&& (b[3] & 0xff) == 0x9b;
		for (int i = 4; i < 12 && nat64; i++) {
			nat64 = b[i] == 0;
		}
		if (nat64) {
			return Optional.of(new byte[] { b[12], b[13], b[14], b[15] });
		}
		if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
			return Optional.of(new byte[] { b[2], b[3], b[4], b[5] });
		}
		return Optional.empty();
	}

}
