package io.newshound.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * Run by {@link ChildProcessTests} in a JVM of its own: starts {@code sleep} from a thread that
 * ends right away, prints the pid of that child, and waits to be killed.
 */
final class SpawningJvm {

	private SpawningJvm() {
	}

	public static void main(String[] args) throws InterruptedException {
		Thread starter = new Thread(() -> ChildProcess.start("test",
				new ProcessBuilder(Setpriv.tiedToThisJvm(List.of("sleep", "600"))), Path.of(args[0])));
		starter.start();
		starter.join();
		System.out.println(ProcessHandle.current().children().findFirst().orElseThrow().pid());
		Thread.sleep(Long.MAX_VALUE);
	}

}
