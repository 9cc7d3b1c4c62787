package io.newshound.launcher.up;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the three services as {@code up} runs it.
 *
 * @param name the module name, such as {@code indexer-service}
 * @param port its HTTP port
 * @param jar its executable jar
 * @param arguments Spring Boot arguments ({@code --key=value}) with the configuration of this run
 */
record ServiceSpec(String name, int port, Path jar, List<String> arguments) {

	String url() {
		return "http://127.0.0.1:" + this.port;
	}

}
