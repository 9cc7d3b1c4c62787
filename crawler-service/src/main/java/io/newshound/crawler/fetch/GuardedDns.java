package io.newshound.crawler.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's DNS, which resolves nothing: {@link HttpFetcher} gives the client the address that the
 * {@link io.newshound.support.net.AddressGuard} checked with every request, so a second lookup — one that a DNS-rebinding attacker
 * could answer with an inside address — never happens. Only IP literals (a configured proxy, say) are
 * turned into addresses, without a lookup.
 */
final class GuardedDns implements DnsResolver {

	private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|\\[?[0-9a-fA-F:.]*:[0-9a-fA-F:.%]*\\]?");

	@Override
	public InetAddress[] resolve(String host) throws UnknownHostException {
		if (IP_LITERAL.matcher(host).matches()) {
			return new InetAddress[] { InetAddress.getByName(host) };
		}
		throw new UnknownHostException(host + ": the crawler connects only to addresses its address guard checked");
	}

	@Override
	public String resolveCanonicalHostname(String host) {
		return host;
	}

}
