package io.newshound.stack.junit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests one {@link LocalStack} per JVM: started by the first test class that needs it, kept
 * in the root extension context's store so that every later class gets the same one, and stopped
 * (every process of it) when the test run ends. Use it through {@link LocalStackTest}.
 *
 * <p>System properties:
 * <ul>
 * <li>{@code newshound.infra}: {@code embedded} (default) runs Kafka and Elasticsearch as child
 * processes of the test JVM, with data under {@code java.io.tmpdir}; {@code containers} uses
 * Testcontainers instead, and skips the tests where no Docker engine answers.</li>
 * <li>{@code newshound.kafka.bootstrap}: use the Kafka at these bootstrap servers; start none.</li>
 * <li>{@code newshound.elasticsearch.url}: use the Elasticsearch at this URL; start none.</li>
 * <li>{@code newshound.es.plugins}: plugin zips to install into a started Elasticsearch,
 * separated by the path separator ({@code :}).</li>
 * </ul>
 *
 * <p>A stack that failed to start is remembered too: every test class reports the same failure
 * rather than trying a three-minute start again.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(LocalStackExtension.class);

	private static volatile LocalStack current;

	/**
	 * This JVM's stack, for code that cannot take a parameter, such as a Spring
	 * {@code @DynamicPropertySource} method of a {@link LocalStackTest} class.
	 * @throws IllegalStateException outside a {@link LocalStackTest} class
	 */
	public static LocalStack localStack() {
		LocalStack stack = current;
		if (stack == null) {
			throw new IllegalStateException("no local stack is running; annotate the test class with @LocalStackTest");
		}
		return stack;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		stack(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == LocalStack.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return stack(extensionContext);
	}

	private static LocalStack stack(ExtensionContext context) {
		LocalStack stack = context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(Startup.class, (key) -> Startup.attempt(), Startup.class)
			.stackOrThrow();
		current = stack;
		return stack;
	}

	/** The outcome of starting the stack, closed by JUnit with the root store at the end of the run. */
	private record Startup(RunningStack stack, RuntimeException failure) implements AutoCloseable {

		static Startup attempt() {
			try {
				StackSettings settings = StackSettings.fromSystemProperties();
				return new Startup(switch (settings.infra()) {
					case EMBEDDED -> EmbeddedStack.start(settings);
					case CONTAINERS -> ContainerStack.start(settings);
				}, null);
			}
			catch (RuntimeException ex) {
				return new Startup(null, ex);
			}
		}

		LocalStack stackOrThrow() {
			if (this.failure != null) {
				throw this.failure;
			}
			return this.stack;
		}

		@Override
		public void close() {
			current = null;
			if (this.stack != null) {
				this.stack.close();
			}
		}

	}

}
