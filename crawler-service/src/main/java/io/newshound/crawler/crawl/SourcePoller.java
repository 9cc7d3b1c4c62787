package io.newshound.crawler.crawl;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newshound.crawler.discovery.DiscoveredLink;
import io.newshound.crawler.discovery.DiscoveryException;
import io.newshound.crawler.discovery.FeedParser;
import io.newshound.crawler.discovery.PageLinks;
import io.newshound.crawler.discovery.SitemapReader;
import io.newshound.crawler.extract.ArticleExtractor;
import io.newshound.crawler.extract.ExtractedArticle;
import io.newshound.crawler.extract.HtmlDecoder;
import io.newshound.crawler.fetch.Accept;
import io.newshound.crawler.fetch.FetchRequest;
import io.newshound.crawler.fetch.FetchResult;
import io.newshound.crawler.fetch.FetchStatus;
import io.newshound.crawler.fetch.Fetcher;
import io.newshound.crawler.fetch.Validators;
import io.newshound.crawler.publish.ArticlePublisher;
import io.newshound.crawler.publish.PublishException;
import io.newshound.crawler.source.Source;
import io.newshound.crawler.source.SourceHealth;
import io.newshound.crawler.state.CrawlState;
import io.newshound.crawler.story.MinHash;
import io.newshound.crawler.story.StoryIndex;
import io.newshound.crawler.url.UrlNormalizer;
import io.newshound.events.ArticleEvent;
import io.newshound.events.ArticleIds;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one source, start to finish: discovery (feed, sitemap or page), then per article link a
 * conditional fetch, extraction, a content hash compared with what was published before, and a
 * publish that waits for the broker's acknowledgement before the crawl state records it. Near-duplicates
 * of one story (the same wire copy on several sites) share a {@code storyId} ({@link StoryIndex}). Everything
 * that goes wrong is recorded on the source's health; nothing stops the other links or sources.
 *
 * <p>An article page fetched before is fetched again only when its feed entry says it changed since,
 * or when it was last fetched longer ago than the revisit interval. The validators of the feed itself
 * are kept only when every link of the poll ended for good, so that an article that failed (for
 * example because Kafka was down) is retried even when the feed does not change.
 */
public final class SourcePoller {

	private static final Logger log = LoggerFactory.getLogger(SourcePoller.class);

	private final Fetcher fetcher;

	private final ArticleExtractor extractor;

	private final ArticlePublisher publisher;

	private final CrawlState state;

	private final Settings settings;

	private final Clock clock;

	private final FeedParser feeds;

	private final SitemapReader sitemaps;

	private final PageLinks pages;

	private final Counter articlesPublished;

	private final MeterRegistry meters;

	private final StoryIndex stories = new StoryIndex(StoryIndex.DEFAULT_MIN_SIMILARITY, 20_000);

	/**
	 * @param maxLinksPerPage most links taken from one feed, sitemap or page
	 * @param maxSitemaps most child sitemaps read from one index
	 * @param revisitInterval see the class comment
	 */
	public record Settings(int maxLinksPerPage, int maxSitemaps, Duration revisitInterval) {
	}

	public SourcePoller(Fetcher fetcher, ArticleExtractor extractor, ArticlePublisher publisher, CrawlState state,
			Settings settings, MeterRegistry meters, Clock clock) {
		this.fetcher = fetcher;
		this.extractor = extractor;
		this.publisher = publisher;
		this.state = state;
		this.settings = settings;
		this.clock = clock;
		this.feeds = new FeedParser(settings.maxLinksPerPage());
		this.sitemaps = new SitemapReader(settings.maxLinksPerPage());
		this.pages = new PageLinks(settings.maxLinksPerPage());
		this.meters = meters;
		this.articlesPublished = Counter.builder("newshound.crawler.articles.published")
			.description("Articles acknowledged by Kafka")
			.register(meters);
		for (CrawlState.PublishedArticle article : state.publishedArticles()) {
			this.stories.remember(article.articleId(), MinHash.decode(article.signature()), article.storyId());
		}
	}

	/** Polls the source of {@code health} once, recording the outcome on it. */
	public PollReport poll(SourceHealth health) {
		Source source = health.source();
		health.pollStarted(this.clock.instant());
		Discovery discovery;
		try {
			discovery = discover(source, health);
		}
		catch (RuntimeException ex) {
			log.error("source '{}' poll failed unexpectedly", source.name(), ex);
			discovery = Discovery.failed("unexpected error: " + ex);
		}
		if (discovery.error() != null) {
			health.pollFailed(this.clock.instant(), discovery.error());
			this.meters.counter("newshound.crawler.polls", "outcome", "failed").increment();
			if (!discovery.refused()) {
				// a refusal has had its own clear line already
				log.warn("source '{}' could not be read: {}", source.name(), discovery.error());
			}
			return PollReport.failure(source.name(), discovery.error());
		}
		int published = 0;
		int unchanged = 0;
		int failed = 0;
		boolean retryLater = false;
		for (DiscoveredLink link : discovery.links()) {
			Outcome outcome;
			try {
				outcome = article(source, health, link);
			}
			catch (RuntimeException ex) {
				log.error("source '{}' article {} failed unexpectedly", source.name(), link.url(), ex);
				health.error(this.clock.instant(), link.url() + ": unexpected error: " + ex);
				outcome = Outcome.RETRY;
			}
			switch (outcome) {
				case PUBLISHED -> published++;
				case UNCHANGED -> unchanged++;
				case FAILED -> failed++;
				case RETRY -> {
					failed++;
					retryLater = true;
				}
			}
		}
		if (!retryLater && discovery.validatorsFor() != null) {
			this.state.markFetched(new CrawlState.FetchedUrl(discovery.validatorsFor().toString(),
					discovery.validators().etag(), discovery.validators().lastModified(), this.clock.instant()));
		}
		health.pollSucceeded(this.clock.instant(), discovery.links().size());
		this.meters.counter("newshound.crawler.polls", "outcome", "succeeded").increment();
		log.info("source '{}': {} links, {} published, {} unchanged, {} failed", source.name(), discovery.links().size(),
				published, unchanged, failed);
		return new PollReport(source.name(), null, discovery.links().size(), published, unchanged, failed);
	}

	/** The links of a poll, or why there are none; and the validators to keep for the document read. */
	private record Discovery(List<DiscoveredLink> links, String error, boolean refused, URI validatorsFor,
			Validators validators) {

		Discovery(List<DiscoveredLink> links, String error, URI validatorsFor, Validators validators) {
			this(links, error, false, validatorsFor, validators);
		}

		static Discovery failed(String error) {
			return new Discovery(List.of(), error, false, null, null);
		}

		static Discovery failed(FetchResult result) {
			return new Discovery(List.of(), result.describe(), result.status() == FetchStatus.BLOCKED_ADDRESS, null, null);
		}

		static Discovery unchanged() {
			return new Discovery(List.of(), null, false, null, null);
		}

	}

	private Discovery discover(Source source, SourceHealth health) {
		return switch (source.kind()) {
			case FEED -> feed(source, health, source.url());
			case SITEMAP -> sitemap(source, health);
			case PAGE -> page(source, health);
		};
	}

	private Discovery feed(Source source, SourceHealth health, URI url) {
		FetchResult result = fetch(source, health, url, Accept.FEED, true);
		if (result.status() == FetchStatus.NOT_MODIFIED) {
			return Discovery.unchanged();
		}
		if (!result.isFetched()) {
			return Discovery.failed(result);
		}
		try {
			List<DiscoveredLink> links = this.feeds.parse(result.finalUrl(), result.body(), contentType(result));
			return new Discovery(links, null, url, result.validators());
		}
		catch (DiscoveryException ex) {
			return Discovery.failed("malformed feed " + ex.getMessage());
		}
	}

	private Discovery sitemap(Source source, SourceHealth health) {
		FetchResult result = fetch(source, health, source.url(), Accept.SITEMAP, true);
		if (result.status() == FetchStatus.NOT_MODIFIED) {
			return Discovery.unchanged();
		}
		if (!result.isFetched()) {
			return Discovery.failed(result);
		}
		SitemapReader.Sitemap sitemap;
		try {
			sitemap = this.sitemaps.read(result.finalUrl(), result.body(), result.mediaType());
		}
		catch (DiscoveryException ex) {
			return Discovery.failed("malformed sitemap " + ex.getMessage());
		}
		if (!sitemap.isIndex()) {
			return new Discovery(sitemap.links(), null, source.url(), result.validators());
		}
		Map<URI, DiscoveredLink> links = new LinkedHashMap<>();
		for (URI child : sitemap.children().subList(0, Math.min(sitemap.children().size(), this.settings.maxSitemaps()))) {
			FetchResult childResult = fetch(source, health, child, Accept.SITEMAP, false);
			if (!childResult.isFetched()) {
				health.error(this.clock.instant(), "sitemap " + childResult.describe());
				continue;
			}
			try {
				for (DiscoveredLink link : this.sitemaps.read(childResult.finalUrl(), childResult.body(),
						childResult.mediaType()).links()) {
					links.putIfAbsent(link.url(), link);
				}
			}
			catch (DiscoveryException ex) {
				health.error(this.clock.instant(), "malformed sitemap " + ex.getMessage());
			}
		}
		List<DiscoveredLink> sorted = new ArrayList<>(links.values());
		sorted.sort(Comparator.comparing(DiscoveredLink::latest, Comparator.nullsLast(Comparator.reverseOrder())));
		return new Discovery(sorted.subList(0, Math.min(sorted.size(), this.settings.maxLinksPerPage())), null,
				source.url(), result.validators());
	}

	private Discovery page(Source source, SourceHealth health) {
		FetchResult result = fetch(source, health, source.url(), Accept.HTML, false);
		if (!result.isFetched()) {
			return Discovery.failed(result);
		}
		Document document = Jsoup.parse(HtmlDecoder.decode(result.body(), result.charset()), result.finalUrl().toString());
		Optional<URI> feed = this.pages.announcedFeed(document, result.finalUrl());
		if (feed.isPresent()) {
			log.debug("source '{}': page announces feed {}", source.name(), feed.get());
			return feed(source, health, feed.get());
		}
		return new Discovery(this.pages.articleLinks(document, result.finalUrl()), null, null, null);
	}

	private enum Outcome {

		PUBLISHED, UNCHANGED, FAILED, RETRY

	}

	private Outcome article(Source source, SourceHealth health, DiscoveredLink link) {
		String key = link.url().toString();
		CrawlState.FetchedUrl known = this.state.fetched(key);
		Instant now = this.clock.instant();
		if (known != null && !changedSince(link, known.fetchedAt())
				&& known.fetchedAt().plus(this.settings.revisitInterval()).isAfter(now)) {
			return Outcome.UNCHANGED;
		}
		FetchResult result = fetch(source, health, link.url(), Accept.HTML, true);
		Instant fetchedAt = this.clock.instant();
		if (result.status() == FetchStatus.NOT_MODIFIED) {
			markFetched(key, result.validators(), fetchedAt);
			return Outcome.UNCHANGED;
		}
		if (!result.isFetched()) {
			health.error(fetchedAt, result.describe());
			return transientFailure(result.status()) ? Outcome.RETRY : Outcome.FAILED;
		}
		ExtractedArticle extracted = this.extractor.extract(HtmlDecoder.decode(result.body(), result.charset()),
				result.finalUrl());
		String title = (extracted.headline() != null) ? extracted.headline() : link.title();
		if (title == null || extracted.body().isBlank()) {
			health.error(fetchedAt, "no article found at " + result.finalUrl());
			markFetched(key, result.validators(), fetchedAt);
			this.meters.counter("newshound.crawler.extraction.empty").increment();
			return Outcome.FAILED;
		}
		URI canonical = (extracted.canonicalUrl() != null) ? extracted.canonicalUrl()
				: UrlNormalizer.normalize(result.finalUrl()).orElse(link.url());
		String articleId = ArticleIds.of(canonical.toString());
		String hash = ContentHash.of(title, extracted.body());
		CrawlState.PublishedArticle previous = this.state.published(articleId);
		if (previous != null && previous.contentHash().equals(hash)) {
			markFetched(key, result.validators(), fetchedAt);
			return Outcome.UNCHANGED;
		}
		int[] signature = MinHash.signature(extracted.body());
		String storyId = this.stories.assign(articleId, signature);
		ArticleEvent event = new ArticleEvent(ArticleEvent.CURRENT_SCHEMA_VERSION, articleId, canonical.toString(),
				source.name(), title, extracted.body(), first(extracted.summary(), link.summary()),
				!extracted.authors().isEmpty() ? extracted.authors()
						: (link.author() != null) ? List.of(link.author()) : List.of(),
				(extracted.published() != null) ? extracted.published() : link.published(), fetchedAt, fetchedAt,
				extracted.language(), extracted.image(), extracted.siteName(), source.tags(), hash, storyId);
		try {
			this.publisher.publish(event);
		}
		catch (PublishException ex) {
			health.error(fetchedAt, ex.getMessage());
			this.meters.counter("newshound.crawler.publish.errors").increment();
			log.warn("source '{}': {}", source.name(), ex.getMessage());
			return Outcome.RETRY;
		}
		this.state.markPublished(
				new CrawlState.PublishedArticle(articleId, canonical.toString(), hash, fetchedAt,
						(signature != null) ? MinHash.encode(signature) : null, storyId));
		markFetched(key, result.validators(), fetchedAt);
		health.articlePublished();
		this.articlesPublished.increment();
		log.debug("source '{}': published {} ({})", source.name(), canonical, (previous == null) ? "new" : "changed");
		return Outcome.PUBLISHED;
	}

	private static boolean changedSince(DiscoveredLink link, Instant fetchedAt) {
		Instant latest = link.latest();
		return latest != null && latest.isAfter(fetchedAt);
	}

	private static boolean transientFailure(FetchStatus status) {
		return status == FetchStatus.IO_ERROR || status == FetchStatus.HTTP_ERROR;
	}

	private void markFetched(String url, Validators validators, Instant at) {
		this.state.markFetched(new CrawlState.FetchedUrl(url, validators.etag(), validators.lastModified(), at));
	}

	/** Fetches with the source's address policy, conditional when asked, logging refusals. */
	private FetchResult fetch(Source source, SourceHealth health, URI url, Accept accept, boolean conditional) {
		FetchRequest request = FetchRequest.of(url, accept, source.allowPrivateAddresses());
		if (conditional) {
			CrawlState.FetchedUrl known = this.state.fetched(url.toString());
			if (known != null) {
				request = request.withValidators(new Validators(known.etag(), known.lastModified()));
			}
		}
		FetchResult result = this.fetcher.fetch(request);
		if (result.status() == FetchStatus.BLOCKED_ADDRESS) {
			health.refused();
			log.warn("source '{}' refused {}: {} (set allowPrivateAddresses: true on the source to allow it)",
					source.name(), result.finalUrl(), result.detail());
		}
		return result;
	}

	private static String contentType(FetchResult result) {
		if (result.mediaType() == null) {
			return null;
		}
		return (result.charset() != null) ? result.mediaType() + "; charset=" + result.charset() : result.mediaType();
	}

	private static String first(String a, String b) {
		return (a != null) ? a : b;
	}

}
