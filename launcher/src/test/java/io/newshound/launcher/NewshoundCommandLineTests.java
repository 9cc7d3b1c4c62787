package io.newshound.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad command lines end with one clear line, the usage and exit code 2, never a stack trace. */
class NewshoundCommandLineTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void missingSourcesFileIsOneClearError() {
		int exit = run("up", "--sources", "/nonexistent/sources.yml");
		assertThat(exit).isEqualTo(2);
		assertThat(err()).startsWith("newshound: the sources file /nonexistent/sources.yml does not exist")
			.doesNotContain("Exception");
	}

	@Test
	void unknownCommandShowsUsage() {
		assertThat(run("upp")).isEqualTo(2);
		assertThat(err()).contains("unknown command 'upp'").contains("usage: ./newshound up");
	}

	@Test
	void malformedKafkaAddressIsRejected() {
		assertThat(run("up", "--kafka", "localhost")).isEqualTo(2);
		assertThat(err()).contains("--kafka takes HOST:PORT");
	}

	@Test
	void helpPrintsUsage() {
		assertThat(run("help")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("--elasticsearch URL");
	}

	private int run(String... args) {
		return Newshound.run(List.of(args), new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

	private String err() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

}
