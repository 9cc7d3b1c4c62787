package io.newshound.support.netty;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Works around a Reactor Netty bug (reactor/reactor-netty#4361, fixed by #4347) that stalls an HTTP/1.1
 * keep-alive connection: a request that arrives before the previous exchange has quite terminated is queued
 * ("Buffering keep-alive request, previous ops not yet terminated"), answered, and then nothing asks the channel
 * to read again, so the client's next request on that connection is never read and never answered. Clients reuse
 * a connection the moment they have the response, so a busy machine hits it: the search service left about one
 * request in a hundred unanswered under load. {@code reactor.netty.http.server.lastFlushWhenNoRead=true} makes
 * Reactor Netty terminate the previous exchange before that check, which closes this path.
 *
 * <p>Reactor Netty reads the property once, when its HTTP server classes load, which is after the environment is
 * prepared and before any server starts: this runs then. A value set explicitly ({@code -D...=false}) wins. Remove
 * once the Reactor Netty that Spring Boot manages has the fix.
 */
public class KeepAliveReadWorkaround implements EnvironmentPostProcessor {

	static final String PROPERTY = "reactor.netty.http.server.lastFlushWhenNoRead";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (System.getProperty(PROPERTY) == null) {
			System.setProperty(PROPERTY, "true");
		}
	}

}
