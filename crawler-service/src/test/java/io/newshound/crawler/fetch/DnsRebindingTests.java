package io.newshound.crawler.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newshound.crawler.TestSite;
import io.newshound.support.net.HostResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DNS rebinding: a name whose DNS answers a public address when the address guard asks and an inside one
 * when the HTTP client asks again. The fetcher connects to the address the guard checked — the client never
 * resolves the name itself — so the second answer is never used. The resolver here is ours: it answers in
 * turn from a list and records every question.
 */
class DnsRebindingTests {

	private static final String HOST = "rebind.example.test";

	private final TestSite site = new TestSite();

	private final List<HttpFetcher> fetchers = new ArrayList<>();

	@AfterEach
	void close() {
		this.fetchers.forEach(HttpFetcher::close);
		this.site.close();
	}

	/**
	 * Public first, 127.0.0.1 after: the guard passes the public answer, the connection goes there (and fails,
	 * nothing answers on it here), and the site on 127.0.0.1 receives nothing. The name was resolved once.
	 */
	@Test
	void aRebindingAnswerNeverReachesTheInside() {
		this.site.text("/admin", "text/html", "<html><body>inside</body></html>");
		RebindingDns dns = new RebindingDns("93.184.215.14", "127.0.0.1");

		FetchResult result = fetcher(dns).fetch(request(false));

		assertThat(result.status()).isNotEqualTo(FetchStatus.FETCHED);
		assertThat(this.site.requests()).as("requests that reached 127.0.0.1").isEmpty();
		assertThat(dns.questions()).containsExactly(HOST);
	}

	/**
	 * 127.0.0.1 first (a source allowed private addresses), a dead address after: the page is fetched from the
	 * first answer, the one the guard checked, so the connection is pinned to it.
	 */
	@Test
	void theConnectionGoesToTheCheckedAddress() {
		this.site.text("/admin", "text/html", "<html><body>checked</body></html>");
		RebindingDns dns = new RebindingDns("127.0.0.1", "127.0.0.2");

		FetchResult result = fetcher(dns).fetch(request(true));

		assertThat(result.status()).isEqualTo(FetchStatus.FETCHED);
		assertThat(new String(result.body())).contains("checked");
		assertThat(this.site.requests("/admin")).singleElement()
			.satisfies((request) -> assertThat(request.host()).isEqualTo(HOST + ":" + this.site.port()));
		assertThat(dns.questions()).containsExactly(HOST);
	}

	/** The client's own DNS refuses every name, so nothing but the guard's answer can be used. */
	@Test
	void theClientResolvesNoNameItself() {
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new GuardedDns().resolve(HOST)))
			.isInstanceOf(UnknownHostException.class);
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new GuardedDns().resolve("127.0.0.1")))
			.isNull();
	}

	private FetchRequest request(boolean allowPrivate) {
		URI url = URI.create("http://" + HOST + ":" + this.site.port() + "/admin");
		return new FetchRequest(url, Accept.HTML, allowPrivate, Validators.NONE, false);
	}

	private HttpFetcher fetcher(HostResolver dns) {
		HttpFetcher fetcher = new HttpFetcher(HttpFetcherTests.SETTINGS, dns, null, new SimpleMeterRegistry());
		this.fetchers.add(fetcher);
		return fetcher;
	}

	/** Answers {@code first} to the first question and {@code later} to every one after it. */
	private static final class RebindingDns implements HostResolver {

		private final String first;

		private final String later;

		private final List<String> questions = new CopyOnWriteArrayList<>();

		RebindingDns(String first, String later) {
			this.first = first;
			this.later = later;
		}

		@Override
		public List<InetAddress> resolve(String host) throws UnknownHostException {
			this.questions.add(host);
			return List.of(InetAddress.getByName(this.questions.size() == 1 ? this.first : this.later));
		}

		List<String> questions() {
			return this.questions;
		}

	}

}
