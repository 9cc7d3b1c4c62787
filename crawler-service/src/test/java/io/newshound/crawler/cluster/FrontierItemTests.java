package io.newshound.crawler.cluster;

import java.net.URI;
import java.time.Instant;

import io.newshound.crawler.discovery.DiscoveredLink;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FrontierItemTests {

	/** A handed-over link keeps everything its feed said about it. */
	@Test
	void roundTripsThroughJson() {
		FrontierItem item = new FrontierItem("Lab News", new DiscoveredLink(URI.create("https://lab.example/a?id=1"),
				"A title", Instant.parse("2026-03-14T07:30:00Z"), Instant.parse("2026-03-14T08:00:00Z"), "Mara Okafor",
				"A summary"), 2);
		assertThat(FrontierItem.fromJson(item.toJson())).isEqualTo(item);

		FrontierItem bare = new FrontierItem("Lab News", DiscoveredLink.of(URI.create("https://lab.example/b")), 0);
		assertThat(bare.toJson()).doesNotContain("title", "published");
		assertThat(FrontierItem.fromJson(bare.toJson())).isEqualTo(bare);
	}

}
