package io.newshound.bench.load;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.newshound.bench.stack.BenchException;

/**
 * A closed-loop HTTP load generator on the JDK's {@link HttpClient}: each of {@code clients} threads sends a
 * request, waits for the whole answer, records the latency and sends the next, for a fixed time. Both sides of
 * every ratio in figure 3 go through this same code with the same client settings (HTTP/1.1, kept-alive
 * connections), so its own overhead cancels out of the ratios. Bounded in time, and only ever aimed at loopback.
 */
public final class ClosedLoopLoad {

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	/**
	 * @param requests the requests, which each client walks in turn from its own starting point
	 * @param clients concurrent clients
	 * @param duration how long to measure
	 */
	public LoadResult run(List<HttpRequest> requests, int clients, Duration duration) {
		for (HttpRequest request : requests) {
			String host = request.uri().getHost();
			if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
				throw new BenchException("load is only ever sent to this machine, not to " + host);
			}
		}
		Recorder recorder = new Recorder(600_000_000L, 3);
		AtomicLong ok = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		long deadline = System.nanoTime() + duration.toNanos();
		CountDownLatch done = new CountDownLatch(clients);
		List<Thread> threads = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < clients; i++) {
			int offset = (int) ((long) i * requests.size() / clients);
			Thread thread = new Thread(() -> {
				try {
					int next = offset;
					while (System.nanoTime() < deadline) {
						HttpRequest request = requests.get(next++ % requests.size());
						long sent = System.nanoTime();
						try {
							HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
							if (response.statusCode() / 100 == 2) {
								recorder.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
								ok.incrementAndGet();
							}
							else {
								errors.incrementAndGet();
							}
						}
						catch (IOException ex) {
							errors.incrementAndGet();
						}
						catch (InterruptedException ex) {
							Thread.currentThread().interrupt();
							return;
						}
					}
				}
				finally {
					done.countDown();
				}
			}, "load-client-" + i);
			thread.setDaemon(true);
			threads.add(thread);
			thread.start();
		}
		try {
			done.await();
		}
		catch (InterruptedException ex) {
			threads.forEach(Thread::interrupt);
			Thread.currentThread().interrupt();
			throw new BenchException("interrupted while sending load", ex);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Histogram histogram = recorder.getIntervalHistogram();
		return new LoadResult(clients, seconds, ok.get(), errors.get(), Latencies.ofMicros(histogram));
	}

}
