package io.newshound.stack.junit;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a component that a test stops and starts again on the same port. They lie below the kernel's
 * ephemeral range: there, no client connection is given the port as its local port while the component is
 * stopped, which would keep it from binding the port again.
 */
final class QuietPorts {

	private QuietPorts() {
	}

	/** A port that is free now, between 10000 and the start of the ephemeral range; 0 if none is found. */
	static int belowEphemeralRange() {
		int ephemeralStart = 32768;
		// Files.readString trusts the size procfs reports, which is wrong for this file: read it as a stream
		try (BufferedReader reader = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
			ephemeralStart = Integer.parseInt(reader.readLine().trim().split("\\s+")[0]);
		}
		catch (IOException | RuntimeException ex) {
			// not Linux, or no procfs: assume the common default
		}
		if (ephemeralStart <= 11000) {
			return 0;
		}
		for (int attempt = 0; attempt < 100; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(10000, ephemeralStart);
			try (ServerSocket socket = new ServerSocket()) {
				socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
				return port;
			}
			catch (IOException ex) {
				// taken; try another
			}
		}
		return 0;
	}

}
