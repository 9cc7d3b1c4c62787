package io.newshound.stack;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Builds command lines that run under util-linux's {@code setpriv}: {@code --pdeathsig KILL}
 * ties a child's life to this JVM even when the JVM is killed without running shutdown hooks,
 * and {@code --reuid/--regid} drops root for Elasticsearch, which refuses to run as root.
 */
final class Setpriv {

	private Setpriv() {
	}

	/** {@code command}, killed by the kernel if this JVM dies; unchanged where setpriv is missing. */
	static List<String> tiedToThisJvm(List<String> command) {
		return find().map((setpriv) -> join(List.of(setpriv.toString(), "--pdeathsig", "KILL"), command))
			.orElse(command);
	}

	/** {@code command} as {@code user}, killed by the kernel if this JVM dies. */
	static List<String> tiedToThisJvmAs(UnprivilegedUser user, List<String> command) {
		Path setpriv = find().orElseThrow(() -> new StackException(user.component(),
				"setpriv (util-linux) is needed to run as user " + user.name()
						+ " but is not on the PATH; install it (apt-get install util-linux)"));
		// setpriv sets the death signal after switching user; a later uid change would clear it
		return join(List.of(setpriv.toString(), "--reuid=" + user.name(), "--regid=" + user.name(), "--init-groups",
				"--pdeathsig", "KILL"), command);
	}

	private static Optional<Path> find() {
		String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
		return Stream.of(path.split(File.pathSeparator))
			.filter((dir) -> !dir.isEmpty())
			.map((dir) -> Path.of(dir, "setpriv"))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static List<String> join(List<String> prefix, List<String> command) {
		List<String> joined = new ArrayList<>(prefix);
		joined.addAll(command);
		return joined;
	}

}
