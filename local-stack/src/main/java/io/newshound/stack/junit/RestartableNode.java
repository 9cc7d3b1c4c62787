package io.newshound.stack.junit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.newshound.stack.ElasticsearchNode;
import io.newshound.stack.Progress;

/**
 * The embedded stack's Elasticsearch node, which a test may stop and start again: the second start
 * reuses the first one's HTTP port and data directory, so the URL every client holds stays valid and
 * the indices survive. A restart returns once the indices' shards are allocated again (cluster
 * health yellow or better), so that the next request finds its index, not a recovering one.
 */
final class RestartableNode implements RestartControl, AutoCloseable {

	private final ElasticsearchNode.Config config;

	private final Progress progress;

	private final String httpUrl;

	private ElasticsearchNode node;

	private RestartableNode(ElasticsearchNode.Config config, Progress progress, ElasticsearchNode node) {
		this.config = config;
		this.progress = progress;
		this.httpUrl = node.httpUrl();
		this.node = node;
	}

	/**
	 * Starts the node; a port of 0 becomes a free port below the kernel's ephemeral range
	 * ({@link QuietPorts}), kept for the starts after this one.
	 */
	static RestartableNode start(ElasticsearchNode.Config config, Progress progress) {
		if (config.httpPort() == 0) {
			config = new ElasticsearchNode.Config(config.dataDirectory(), QuietPorts.belowEphemeralRange(), config.plugins(),
					config.heap());
		}
		ElasticsearchNode node = ElasticsearchNode.start(config, progress);
		int port = URI.create(node.httpUrl()).getPort();
		return new RestartableNode(
				new ElasticsearchNode.Config(config.dataDirectory(), port, config.plugins(), config.heap()), progress,
				node);
	}

	String httpUrl() {
		return this.httpUrl;
	}

	@Override
	public synchronized void stop() {
		if (this.node != null) {
			this.progress.report("elasticsearch: stopping " + this.httpUrl + " (data kept)…");
			this.node.close();
			this.node = null;
		}
	}

	@Override
	public synchronized void start() {
		if (this.node == null) {
			this.node = ElasticsearchNode.start(this.config, this.progress);
			awaitShardsAllocated();
		}
	}

	private void awaitShardsAllocated() {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.httpUrl + "/_cluster/health?wait_for_status=yellow&timeout=60s"))
			.timeout(Duration.ofSeconds(70))
			.build();
		try {
			HttpResponse<String> health = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
			if (health.statusCode() != 200) {
				throw new IllegalStateException(
						"elasticsearch restarted, but its shards were not allocated within 60 s: " + health.body());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("elasticsearch restarted, but stopped answering: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the restarted elasticsearch", ex);
		}
	}

	/** Stops the node for good, at the end of the run. */
	@Override
	public synchronized void close() {
		if (this.node != null) {
			this.node.close();
			this.node = null;
		}
	}

}
