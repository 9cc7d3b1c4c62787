package io.newshound.crawler.state;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link CrawlState} in a directory: a journal {@code crawl-state.jsonl} of keyed JSON records, one a
 * line, appended as things happen (article records are forced to disk before the call returns). On
 * open the journal is read (a torn last line from a crash is skipped) and compacted: the live records
 * are written to a temporary file that atomically replaces the journal. It is compacted again when it
 * grows to twice its live size. A lock file keeps a second crawler off the same directory.
 */
public final class FileCrawlState implements CrawlState {

	private static final Logger log = LoggerFactory.getLogger(FileCrawlState.class);

	static final String JOURNAL = "crawl-state.jsonl";

	private static final String LOCK = "crawl-state.lock";

	private static final JsonMapper JSON = StateRecords.JSON;

	private final Path directory;

	private final Path journal;

	private final Map<String, PublishedArticle> articles = new HashMap<>();

	private final Map<String, FetchedUrl> urls = new HashMap<>();

	private final FileChannel lockChannel;

	private final FileLock lock;

	private FileChannel out;

	private long journalLines;

	private FileCrawlState(Path directory, FileChannel lockChannel, FileLock lock) {
		this.directory = directory;
		this.journal = directory.resolve(JOURNAL);
		this.lockChannel = lockChannel;
		this.lock = lock;
	}

	/**
	 * Opens (creating when needed) the state in {@code directory}.
	 * @throws CrawlStateException if the directory cannot be used or another crawler holds it
	 */
	public static FileCrawlState open(Path directory) {
		Path dir = directory.toAbsolutePath().normalize();
		FileChannel lockChannel = null;
		try {
			Files.createDirectories(dir);
			lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = lockChannel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				throw new CrawlStateException(dir, "in use by another crawler (locked)", null);
			}
			FileCrawlState state = new FileCrawlState(dir, lockChannel, lock);
			state.load();
			state.compact();
			return state;
		}
		catch (IOException ex) {
			closeQuietly(lockChannel);
			throw new CrawlStateException(dir, ex.toString(), ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(lockChannel);
			throw ex;
		}
	}

	@Override
	public synchronized PublishedArticle published(String articleId) {
		return this.articles.get(articleId);
	}

	@Override
	public synchronized void markPublished(PublishedArticle article) {
		this.articles.put(article.articleId(), article);
		append(articleRecord(article), true);
	}

	@Override
	public synchronized java.util.List<PublishedArticle> publishedArticles() {
		return this.articles.values()
			.stream()
			.sorted(java.util.Comparator.comparing(PublishedArticle::updatedAt))
			.toList();
	}

	@Override
	public synchronized FetchedUrl fetched(String url) {
		return this.urls.get(url);
	}

	@Override
	public synchronized void markFetched(FetchedUrl url) {
		this.urls.put(url.url(), url);
		append(urlRecord(url), false);
	}

	/** Every URL fetched. */
	synchronized java.util.List<FetchedUrl> fetchedUrls() {
		return java.util.List.copyOf(this.urls.values());
	}

	/** Whether {@code directory} holds a crawl state journal. */
	static boolean exists(Path directory) {
		return Files.isRegularFile(directory.resolve(JOURNAL));
	}

	/** Number of articles and URLs held. */
	public synchronized int size() {
		return this.articles.size() + this.urls.size();
	}

	private void load() throws IOException {
		if (!Files.exists(this.journal)) {
			return;
		}
		int skipped = 0;
		try (BufferedReader reader = Files.newBufferedReader(this.journal, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				try {
					apply(JSON.readTree(line));
				}
				catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
					skipped++;
				}
			}
		}
		if (skipped > 0) {
			log.warn("Skipped {} unreadable line(s) of {} (a write cut short by a crash?)", skipped, this.journal);
		}
		log.info("Crawl state loaded from {}: {} published articles, {} URLs", this.directory, this.articles.size(),
				this.urls.size());
	}

	private void apply(JsonNode record) {
		Object value = StateRecords.fromJson(record);
		if (value instanceof PublishedArticle article) {
			this.articles.put(article.articleId(), article);
		}
		else if (value instanceof FetchedUrl url) {
			this.urls.put(url.url(), url);
		}
	}

	private void compact() {
		Path temp = this.directory.resolve(JOURNAL + ".tmp");
		try {
			closeQuietly(this.out);
			long lines = 0;
			try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
				for (PublishedArticle article : this.articles.values()) {
					writer.write(JSON.writeValueAsString(articleRecord(article)));
					writer.write('\n');
					lines++;
				}
				for (FetchedUrl url : this.urls.values()) {
					writer.write(JSON.writeValueAsString(urlRecord(url)));
					writer.write('\n');
					lines++;
				}
			}
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			Files.move(temp, this.journal, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			this.journalLines = lines;
			this.out = FileChannel.open(this.journal, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new CrawlStateException(this.directory, "cannot write " + this.journal + ": " + ex, ex);
		}
	}

	private void append(ObjectNode record, boolean force) {
		byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
		try {
			ByteBuffer buffer = ByteBuffer.wrap(line);
			while (buffer.hasRemaining()) {
				this.out.write(buffer);
			}
			if (force) {
				this.out.force(false);
			}
		}
		catch (IOException ex) {
			throw new CrawlStateException(this.directory, "cannot append to " + this.journal + ": " + ex, ex);
		}
		this.journalLines++;
		if (this.journalLines > 2L * (this.articles.size() + this.urls.size()) + 1000) {
			compact();
		}
	}

	private static ObjectNode articleRecord(PublishedArticle article) {
		return StateRecords.toJson(article);
	}

	private static ObjectNode urlRecord(FetchedUrl url) {
		return StateRecords.toJson(url);
	}

	@Override
	public synchronized void close() {
		closeQuietly(this.out);
		try {
			this.lock.release();
		}
		catch (IOException ex) {
			// the channel's close releases it too
		}
		closeQuietly(this.lockChannel);
	}

	private static void closeQuietly(AutoCloseable closeable) {
		if (closeable == null) {
			return;
		}
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// nothing more to do
		}
	}

}
