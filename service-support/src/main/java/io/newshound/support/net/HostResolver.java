package io.newshound.support.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to the addresses a connection to it may use. The address guard checks every
 * one of them; tests replace DNS with their own answers through this interface.
 */
@FunctionalInterface
public interface HostResolver {

	/**
	 * @param host a host name or an IP literal (IPv6 without brackets)
	 * @return every address of the host, never empty
	 * @throws UnknownHostException if the host has no address
	 */
	List<InetAddress> resolve(String host) throws UnknownHostException;

	/** The JVM's resolver ({@link InetAddress#getAllByName}), whose answers the HTTP client shares through the JVM's DNS cache. */
	static HostResolver system() {
		return (host) -> List.of(InetAddress.getAllByName(host));
	}

}
