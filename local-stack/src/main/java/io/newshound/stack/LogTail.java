package io.newshound.stack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a child process's log, for failure messages. */
public final class LogTail {

	private static final int LINES = 30;

	/** A failed start can leave a large log (a stack trace per retry): read only its end. */
	private static final int MAX_BYTES = 64 * 1024;

	private LogTail() {
	}

	public static String read(Path logFile) {
		try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
			long size = channel.size();
			ByteBuffer end = ByteBuffer.allocate((int) Math.min(size, MAX_BYTES));
			channel.position(size - end.capacity());
			while (end.hasRemaining() && channel.read(end) >= 0) {
				// read until the buffer is full or the file ends
			}
			List<String> lines = new String(end.array(), 0, end.position(), StandardCharsets.UTF_8).lines().toList();
			return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - LINES), lines.size()));
		}
		catch (IOException ex) {
			return "(log not readable: " + ex.getMessage() + ")";
		}
	}

}
