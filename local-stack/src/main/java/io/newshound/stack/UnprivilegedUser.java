package io.newshound.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The system account that Elasticsearch runs as when this JVM runs as root, because Elasticsearch
 * refuses to run as root ("can not run elasticsearch as root"). Created on first use.
 */
final class UnprivilegedUser {

	static final String NAME = "newshound";

	private final String component;

	private final Path logDirectory;

	private UnprivilegedUser(String component, Path logDirectory) {
		this.component = component;
		this.logDirectory = logDirectory;
	}

	static boolean weAreRoot() {
		try {
			return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
		}
		catch (IOException | UnsupportedOperationException ex) {
			// no /proc: not Linux, where setpriv and this whole dance do not apply
			return false;
		}
	}

	/** The user, created with {@code useradd --system} if missing; command output goes to {@code logDirectory}. */
	static UnprivilegedUser ensureExists(String component, Path logDirectory) {
		UnprivilegedUser user = new UnprivilegedUser(component, logDirectory);
		if (!user.exists()) {
			try {
				ChildProcess.run(component, new ProcessBuilder("useradd", "--system", "--no-create-home", "--shell",
						"/usr/sbin/nologin", NAME), logDirectory.resolve("useradd.log"), Duration.ofSeconds(30));
			}
			catch (StackException ex) {
				// another test JVM may have created it in the meantime
				if (!user.exists()) {
					throw ex;
				}
			}
		}
		return user;
	}

	String name() {
		return NAME;
	}

	String component() {
		return this.component;
	}

	/**
	 * Fails with a message naming the first directory on the way to {@code path} (inclusive) that
	 * this user may not enter, such as {@code /root} (mode 700) for a data directory under it.
	 */
	void requireCanReach(Path path, String what) {
		List<Path> chain = new ArrayList<>();
		for (Path dir = path.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
			chain.add(0, dir);
		}
		for (Path dir : chain) {
			if (!canEnter(dir)) {
				throw new StackException(this.component, "user " + NAME + ", which runs Elasticsearch, cannot enter "
						+ dir + " on the way to the " + what + " " + path + "; use a " + what
						+ " outside it or allow others in (chmod o+x " + dir + ")");
			}
		}
	}

	/** {@code chown -R} to this user, so Elasticsearch can write its home, data and logs. */
	void takeOwnership(Path... directories) {
		List<String> command = new ArrayList<>(List.of("chown", "-R", NAME + ":" + NAME));
		for (Path directory : directories) {
			command.add(directory.toString());
		}
		ChildProcess.run(this.component, new ProcessBuilder(command), this.logDirectory.resolve("chown.log"),
				Duration.ofMinutes(2));
	}

	private boolean exists() {
		try {
			Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(NAME);
			return true;
		}
		catch (UserPrincipalNotFoundException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new StackException(this.component, "could not look up user " + NAME + ": " + ex.getMessage(), ex);
		}
	}

	private boolean canEnter(Path dir) {
		try {
			PosixFileAttributes attributes = Files.readAttributes(dir, PosixFileAttributes.class);
			Set<PosixFilePermission> permissions = attributes.permissions();
			return permissions.contains(PosixFilePermission.OTHERS_EXECUTE)
					|| (NAME.equals(attributes.owner().getName())
							&& permissions.contains(PosixFilePermission.OWNER_EXECUTE))
					|| (NAME.equals(attributes.group().getName())
							&& permissions.contains(PosixFilePermission.GROUP_EXECUTE));
		}
		catch (IOException ex) {
			throw new StackException(this.component, "could not read the permissions of " + dir + ": "
					+ ex.getMessage(), ex);
		}
	}

}
