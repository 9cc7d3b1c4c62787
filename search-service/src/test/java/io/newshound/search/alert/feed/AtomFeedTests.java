package io.newshound.search.alert.feed;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.newshound.search.alert.delivery.AlertMatch;
import io.newshound.search.alert.subscription.Alert;

import static org.assertj.core.api.Assertions.assertThat;

/** The Atom feed is well-formed and escapes what articles contain. */
class AtomFeedTests {

	@Test
	void entriesAreEscapedAndNewestFirst() {
		Instant now = Instant.parse("2026-11-29T12:00:00Z");
		Alert alert = new Alert("a1", "hash", "Chips & <GPUs>", "nvidia", List.of(), List.of(), null, false, false, now,
				now, null);
		AlertMatch match = new AlertMatch("m1", "a1", "art1", "<script>alert(1)</script> & more",
				"https://x.example/a?b=1&c=2", "Wire", now, "snippet \"quoted\" <b>", null, now, now);
		String xml = AtomFeedController.atom(alert, List.of(match));
		assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">")
			.contains("<title>Newshound alert: Chips &amp; &lt;GPUs&gt;</title>")
			.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; more</title>")
			.contains("href=\"https://x.example/a?b=1&amp;c=2\"")
			.contains("<id>urn:newshound:article:art1</id>")
			.doesNotContain("<script>")
			.endsWith("</feed>");
	}

}
