package io.newshound.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class ChildProcessTests {

	@TempDir
	Path logs;

	/** close() reaches grandchildren that the child left behind when it exited. */
	@Test
	void closeStopsTheWholeTree() {
		ChildProcess child = ChildProcess.start("test",
				new ProcessBuilder("bash", "-c", "sleep 600 & sleep 600 & wait"), this.logs.resolve("tree.log"));
		ProcessHandle root = ProcessHandle.of(child.pid()).orElseThrow();
		await().atMost(Duration.ofSeconds(10)).until(() -> root.descendants().count() == 2);
		List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();

		child.close();

		assertThat(tree).noneMatch(ProcessHandle::isAlive);
	}

	/**
	 * The kernel kills a child when the JVM that started it dies without running shutdown hooks,
	 * and not before: the thread that asked for the child may end long before the JVM does.
	 */
	@Test
	void aChildOutlivesTheThreadThatStartedItButNotItsJvm() throws IOException {
		Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SpawningJvm.class.getName(), this.logs.resolve("sleep.log").toString())
			.redirectError(this.logs.resolve("jvm.log").toFile())
			.start();
		try {
			ProcessHandle child = ProcessHandle.of(firstLine(jvm)).orElseThrow();

			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(child::isAlive);
			jvm.destroyForcibly();

			await().atMost(Duration.ofSeconds(10)).until(() -> !child.isAlive());
		}
		finally {
			jvm.destroyForcibly();
		}
	}

	/** A failed command's exception carries its log, for the user to read. */
	@Test
	void runReportsAFailedCommandWithItsLogTail() throws IOException {
		Path log = this.logs.resolve("failing.log");

		assertThatExceptionOfType(StackException.class)
			.isThrownBy(() -> ChildProcess.run("test", new ProcessBuilder("bash", "-c", "echo something broke; exit 3"),
					log, Duration.ofSeconds(10)))
			.withMessageStartingWith("test: bash -c echo something broke; exit 3 failed with exit code 3")
			.withMessageEndingWith("something broke")
			.satisfies((ex) -> assertThat(ex.logFile()).contains(log));
		assertThat(Files.readString(log)).isEqualTo("something broke\n");
	}

	private static long firstLine(Process process) throws IOException {
		BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		return Long.parseLong(output.readLine().trim());
	}

}
