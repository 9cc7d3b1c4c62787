package io.newshound.bench.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newshound.stack.ChildProcess;

import static org.assertj.core.api.Assertions.assertThat;

/** Figure 1 suspends the indexer while it publishes the corpus: the process must really stop, and run on after. */
class ServiceProcessTests {

	@TempDir
	Path dir;

	@Test
	void suspendStopsTheProcessAndResumeLetsItRunOn() throws Exception {
		Path log = this.dir.resolve("sleeper.log");
		try (ServiceProcess sleeper = new ServiceProcess("sleeper", 0,
				ChildProcess.start("sleeper", new ProcessBuilder("sleep", "60"), log), log)) {
			sleeper.suspend();
			assertThat(stateSoon(sleeper, 'T')).isEqualTo('T');

			sleeper.resume();
			assertThat(stateSoon(sleeper, 'S')).isEqualTo('S');
			assertThat(sleeper.isAlive()).isTrue();
		}
	}

	/** The process's state once it is {@code expected}, or its last state after a few seconds of looking. */
	private static char stateSoon(ServiceProcess process, char expected) throws IOException, InterruptedException {
		char state = state(process);
		for (int look = 0; look < 100 && state != expected; look++) {
			Thread.sleep(50);
			state = state(process);
		}
		return state;
	}

	/** The process state from {@code /proc/<pid>/stat}: {@code T} stopped by a signal, {@code S} sleeping. */
	private static char state(ServiceProcess process) throws IOException {
		String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
		return stat.charAt(stat.lastIndexOf(')') + 2);
	}

}
