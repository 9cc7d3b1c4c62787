package io.newshound.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Ports on 127.0.0.1, where every component of the local stack listens. */
final class Ports {

	static final String HOST = "127.0.0.1";

	private Ports() {
	}

	/**
	 * {@code port} if nothing listens on it, a free port if it is 0. Another process may still take
	 * a free port before the child binds it; the child then fails to start and says so in its log.
	 */
	static int freeOrRequested(String component, int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new StackException(component, "port " + port + " on " + HOST
					+ " is already in use; stop what listens there or choose another port");
		}
	}

	static boolean acceptsConnections(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getByName(HOST), port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static int free(String component) {
		return freeOrRequested(component, 0);
	}

}
