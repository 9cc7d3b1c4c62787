package io.newshound.crawler.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a response body, decoding {@code gzip} and {@code deflate} itself, and stops as soon as the
 * decoded bytes (or the raw bytes) pass the limit: a gzip bomb is cut off after {@code maxBytes + 1}
 * inflated bytes, so memory stays bounded by the limit, never by what the server sends.
 */
final class BoundedBody {

	private static final int BUFFER = 16 * 1024;

	private BoundedBody() {
	}

	/** The body was larger than the limit. */
	static final class TooLargeException extends IOException {

		TooLargeException(String message) {
			super(message);
		}

	}

	/** The body's content encoding is not one we decode. */
	static final class UnsupportedEncodingException extends IOException {

		UnsupportedEncodingException(String encoding) {
			super("unsupported content encoding '" + encoding + "'");
		}

	}

	/**
	 * @param raw the body as received
	 * @param contentEncoding the {@code Content-Encoding} header, or {@code null}
	 * @param maxBytes the limit, for decoded and raw bytes alike
	 * @return the decoded body
	 * @throws TooLargeException if either count passes {@code maxBytes}
	 * @throws UnsupportedEncodingException if the encoding is not identity, gzip or deflate
	 */
	static byte[] read(InputStream raw, String contentEncoding, long maxBytes) throws IOException {
		InputStream counted = new LimitedStream(raw, maxBytes, "compressed body");
		InputStream decoded = decoder(counted, contentEncoding);
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(maxBytes, 64 * 1024));
		byte[] buffer = new byte[BUFFER];
		long total = 0;
		int n;
		while ((n = decoded.read(buffer)) != -1) {
			total += n;
			if (total > maxBytes) {
				throw new TooLargeException("body larger than " + maxBytes + " bytes after decompression");
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	private static InputStream decoder(InputStream in, String contentEncoding) throws IOException {
		String encoding = (contentEncoding != null) ? contentEncoding.trim().toLowerCase(Locale.ROOT) : "";
		switch (encoding) {
			case "", "identity":
				return in;
			case "gzip", "x-gzip":
				return new GZIPInputStream(in, BUFFER);
			case "deflate":
				// RFC 9110 says zlib-wrapped, but some servers send raw deflate: look at the header.
				BufferedInputStream buffered = new BufferedInputStream(in, BUFFER);
				buffered.mark(2);
				int cmf = buffered.read();
				int flg = buffered.read();
				buffered.reset();
				boolean zlib = cmf != -1 && flg != -1 && (cmf & 0x0f) == 8 && ((cmf << 8) | flg) % 31 == 0;
				return new InflaterInputStream(buffered, new Inflater(!zlib), BUFFER);
			default:
				throw new UnsupportedEncodingException(encoding);
		}
	}

	/** Counts the bytes read through it and fails once they pass the limit. */
	private static final class LimitedStream extends FilterInputStream {

		private final long limit;

		private final String what;

		private long count;

		LimitedStream(InputStream in, long limit, String what) {
			super(in);
			this.limit = limit;
			this.what = what;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b != -1) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(long n) throws TooLargeException {
			this.count += n;
			if (this.count > this.limit) {
				throw new TooLargeException(this.what + " larger than " + this.limit + " bytes");
			}
		}

	}

}
