package io.newshound.crawler.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BoundedBodyTests {

	private static final byte[] TEXT = "Hello, Newshound. ".repeat(100).getBytes(StandardCharsets.UTF_8);

	@Test
	void decodesGzipAndBothDeflateFlavours() throws IOException {
		assertThat(BoundedBody.read(new ByteArrayInputStream(gzip(TEXT)), "gzip", 10_000)).isEqualTo(TEXT);
		assertThat(BoundedBody.read(new ByteArrayInputStream(deflate(TEXT, false)), "deflate", 10_000)).isEqualTo(TEXT);
		assertThat(BoundedBody.read(new ByteArrayInputStream(deflate(TEXT, true)), "deflate", 10_000)).isEqualTo(TEXT);
		assertThat(BoundedBody.read(new ByteArrayInputStream(TEXT), null, 10_000)).isEqualTo(TEXT);
	}

	/** Ten megabytes of zeros in a few kilobytes of gzip are cut off at the limit. */
	@Test
	void cutsOffAGzipBomb() throws IOException {
		byte[] bomb = gzip(new byte[10 * 1024 * 1024]);
		assertThat(bomb.length).isLessThan(20_000);
		assertThatExceptionOfType(BoundedBody.TooLargeException.class)
			.isThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(bomb), "gzip", 64 * 1024))
			.withMessageContaining("after decompression");
	}

	@Test
	void refusesOversizedPlainBodiesAndUnknownEncodings() {
		assertThatExceptionOfType(BoundedBody.TooLargeException.class)
			.isThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(TEXT), "identity", 100));
		assertThatExceptionOfType(BoundedBody.UnsupportedEncodingException.class)
			.isThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(TEXT), "br", 10_000));
	}

	static byte[] gzip(byte[] data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(data);
		}
		return out.toByteArray();
	}

	private static byte[] deflate(byte[] data, boolean raw) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
			deflate.write(data);
		}
		return out.toByteArray();
	}

}
