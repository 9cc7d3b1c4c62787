package io.newshound.bench.stack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.newshound.stack.ChildProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Figure 1 suspends the indexer while it publishes the corpus: the process must really stop, and run on after. The
 * figures read the services' meters from {@code /actuator/metrics}.
 */
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

	@Test
	void metricReadsOneStatisticOfAMeter() throws IOException {
		HttpServer actuator = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		actuator.createContext("/actuator/metrics/newshound.indexer.bulk.latency", (exchange) -> {
			byte[] body = """
					{"name":"newshound.indexer.bulk.latency","measurements":[{"statistic":"COUNT","value":207.0},
					{"statistic":"TOTAL_TIME","value":3.5E2},{"statistic":"MAX","value":2.1}]}"""
				.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		actuator.start();
		Path log = this.dir.resolve("service.log");
		try (ServiceProcess service = new ServiceProcess("service", actuator.getAddress().getPort(),
				ChildProcess.start("service", new ProcessBuilder("sleep", "60"), log), log)) {
			assertThat(service.metric("newshound.indexer.bulk.latency", "TOTAL_TIME")).hasValue(350.0);
			assertThat(service.metric("newshound.indexer.bulk.latency", "VALUE")).isEmpty();
			assertThat(service.metric("jvm.memory.used", "VALUE")).as("no such meter: a 404").isEmpty();
		}
		finally {
			actuator.stop(0);
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
