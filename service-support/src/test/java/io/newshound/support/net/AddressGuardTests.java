package io.newshound.support.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AddressGuardTests {

	/** A resolver that knows a few names and treats everything else as an IP literal. */
	static HostResolver fakeDns(Map<String, String> names) {
		return (host) -> {
			String address = names.getOrDefault(host, host);
			if (!Character.isDigit(address.charAt(0)) && !address.contains(":")) {
				throw new UnknownHostException(host);
			}
			return List.of(InetAddress.getByName(address));
		};
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			127.0.0.1        | a loopback address
			127.8.9.10       | a loopback address
			::1              | a loopback address
			10.1.2.3         | a private address
			172.16.0.1       | a private address
			172.31.255.255   | a private address
			192.168.1.1      | a private address
			fd00::1          | a private (unique local, fc00::/7) address
			169.254.169.254  | the cloud metadata address (link-local)
			169.254.1.1      | a link-local address
			fe80::1          | a link-local address
			0.0.0.0          | the any-local address
			::               | the any-local address
			224.0.0.1        | a multicast address
			ff02::1          | a multicast address
			100.64.0.1       | a carrier-grade NAT (100.64.0.0/10) address
			100.127.255.254  | a carrier-grade NAT (100.64.0.0/10) address
			::ffff:127.0.0.1 | a loopback address
			::ffff:10.0.0.1  | a private address
			64:ff9b::a9fe:a9fe | the cloud metadata address (link-local) embedded in IPv6
			2002:c0a8:0101::1 | a private address embedded in IPv6
			255.255.255.255  | a reserved (240.0.0.0/4 or broadcast) address
			203.0.113.5      | a documentation (TEST-NET) address
			""")
	void refusesNonPublicAddresses(String address, String reason) throws Exception {
		assertThat(AddressGuard.nonPublicReason(InetAddress.getByName(address))).contains(reason);
	}

	@ParameterizedTest
	@ValueSource(strings = { "93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "1.1.1.1" })
	void acceptsPublicAddresses(String address) throws Exception {
		assertThat(AddressGuard.nonPublicReason(InetAddress.getByName(address))).isEmpty();
	}

	/** A name whose DNS answer points inside is refused, naming the address; allowed with the flag. */
	@Test
	void checksEveryResolvedAddress() throws Exception {
		AddressGuard guard = new AddressGuard((host) -> List.of(InetAddress.getByName("93.184.215.14"),
				InetAddress.getByName("10.0.0.7")));
		AddressGuard.Verdict verdict = guard.check("news.example.test", false);
		assertThat(verdict.allowed()).isFalse();
		assertThat(verdict.refusal()).isEqualTo("10.0.0.7 is a private address");
		assertThat(guard.check("news.example.test", true).allowed()).isTrue();
	}

	@Test
	void acceptsBracketedIpv6AndReportsUnknownHosts() throws Exception {
		AddressGuard guard = new AddressGuard(fakeDns(Map.of()));
		assertThat(guard.check("[::1]", false).refusal()).isEqualTo("0:0:0:0:0:0:0:1 is a loopback address");
		assertThatExceptionOfType(UnknownHostException.class).isThrownBy(() -> guard.check("nowhere.test", false));
	}

}
