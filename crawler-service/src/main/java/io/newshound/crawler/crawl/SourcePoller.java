package io.newshound.crawler.crawl;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
import io.newshound.crawler.fetch.HostOwnership;
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
 *
 * <p>When several crawler instances share the work ({@link HostOwnership}), a link whose host this
 * instance does not own is handed to the owner ({@link LinkForwarder}), which processes it with
 * {@link #takeOver}; a poll that handed links over does not keep the feed's validators either, since
 * it cannot know how they ended (the next poll reads the feed again and skips what the state says was
 * fetched). An article is published, and recorded, only inside a piece of work on its host
 * ({@link HostOwnership#begin}), so the host cannot change hands between the publish and the state
 * record; a host that changed hands before the publish leaves the article to its new owner. A crawler
 * that works alone owns every host and forwards nothing.
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

	private final HostOwnership ownership;

	private final LinkForwarder forwarder;

	private final Counter linksForwarded;

	/** Article URLs being processed on this instance, so that one is never processed twice at once. */
	private final Set<String> inProgress = ConcurrentHashMap.newKeySet();

	/** Most times one link is handed on because of redirects to hosts of other instances. */
	private static final int MAX_HANDOVER_REDIRECTS = 5;

	/**
	 * @param maxLinksPerPage most links taken from one feed, sitemap or page
	 * @param maxSitemaps most child sitemaps read from one index
	 * @param revisitInterval see the class comment
	 */
	public record Settings(int maxLinksPerPage, int maxSitemaps, Duration revisitInterval) {
	}

	/** A poller for a crawler that works alone: it owns every host. */
	public SourcePoller(Fetcher fetcher, ArticleExtractor extractor, ArticlePublisher publisher, CrawlState state,
			Settings settings, MeterRegistry meters, Clock clock) {
		this(fetcher, extractor, publisher, state, settings, meters, clock, HostOwnership.everything(),
				LinkForwarder.NONE);
	}

	/**
	 * A poller for one of several crawler instances.
	 * @param ownership the hosts this instance owns (the fetcher must honour the same)
	 * @param forwarder hands links of other hosts to their owners
	 */
	public SourcePoller(Fetcher fetcher, ArticleExtractor extractor, ArticlePublisher publisher, CrawlState state,
			Settings settings, MeterRegistry meters, Clock clock, HostOwnership ownership, LinkForwarder forwarder) {
		this.fetcher = fetcher;
		this.ownership = ownership;
		this.forwarder = forwarder;
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
		this.linksForwarded = Counter.builder("newshound.crawler.links.forwarded")
			.description("Article links handed to the crawler instance that owns their host")
			.register(meters);
		// articles recorded by other instances join the story index too (listen first, then read: no gap)
		state.onArticleRecorded(this::remember);
		for (CrawlState.PublishedArticle article : state.publishedArticles()) {
			remember(article);
		}
	}

	private void remember(CrawlState.PublishedArticle article) {
		this.stories.remember(article.articleId(), MinHash.decode(article.signature()), article.storyId());
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
		if (discovery.notOwned() && !this.ownership.owns(source.url().getHost())) {
			log.debug("source '{}': its host moved to another crawler instance during the poll", source.name());
			return PollReport.failure(source.name(), "handed over to another crawler instance");
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
		int forwarded = 0;
		boolean retryLater = false;
		for (DiscoveredLink link : discovery.links()) {
			Outcome outcome;
			try {
				if (this.ownership.owns(link.url().getHost())) {
					outcome = article(source, health, link, false, 0);
				}
				else {
					// the state is shared: a link its owner fetched lately is not even handed over
					outcome = fetchedLately(link) ? Outcome.UNCHANGED : forward(source, health, link, 0);
				}
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
				case FORWARDED -> forwarded++;
				case ABANDONED -> {
					// only work taken over from another instance is abandoned; a poll forwards instead
				}
			}
		}
		if (!retryLater && forwarded == 0 && discovery.validatorsFor() != null) {
			this.state.markFetched(new CrawlState.FetchedUrl(discovery.validatorsFor().toString(),
					discovery.validators().etag(), discovery.validators().lastModified(), this.clock.instant()));
		}
		health.pollSucceeded(this.clock.instant(), discovery.links().size());
		this.meters.counter("newshound.crawler.polls", "outcome", "succeeded").increment();
		if (forwarded == 0) {
			log.info("source '{}': {} links, {} published, {} unchanged, {} failed", source.name(),
					discovery.links().size(), published, unchanged, failed);
		}
		else {
			log.info("source '{}': {} links, {} published, {} unchanged, {} failed, {} handed to other instances",
					source.name(), discovery.links().size(), published, unchanged, failed, forwarded);
		}
		return new PollReport(source.name(), null, discovery.links().size(), published, unchanged, failed, forwarded);
	}

	/**
	 * Processes a link that another instance handed over (or this one, through the same channel)
	 * because this instance owns its host.
	 * @param health the health of the source that found the link
	 * @param redirects how many times the link was handed on because of redirects
	 * @return whether the link is done with; {@code false} when its host moved to another instance
	 * before it could be processed, so that the handover must be processed by the new owner
	 */
	public boolean takeOver(SourceHealth health, DiscoveredLink link, int redirects) {
		if (!this.ownership.owns(link.url().getHost())) {
			return false;
		}
		try {
			return article(health.source(), health, link, true, redirects) != Outcome.ABANDONED;
		}
		catch (RuntimeException ex) {
			log.error("source '{}' article {} failed unexpectedly", health.source().name(), link.url(), ex);
			health.error(this.clock.instant(), link.url() + ": unexpected error: " + ex);
			return true;
		}
	}

	/**
	 * The links of a poll, or why there are none; and the validators to keep for the document read.
	 * {@code notOwned}: a document was on a host of another instance; when that is the source's own
	 * host, it moved away during the poll, which ends without an error (the new owner polls it).
	 */
	private record Discovery(List<DiscoveredLink> links, String error, boolean refused, URI validatorsFor,
			Validators validators, boolean notOwned) {

		Discovery(List<DiscoveredLink> links, String error, URI validatorsFor, Validators validators) {
			this(links, error, false, validatorsFor, validators, false);
		}

		static Discovery failed(String error) {
			return new Discovery(List.of(), error, false, null, null, false);
		}

		static Discovery failed(FetchResult result) {
			if (result.status() == FetchStatus.NOT_OWNED) {
				return new Discovery(List.of(), result.finalUrl() + " is on a host that another crawler instance owns; "
						+ "give the source the URL of a document on its own host", false, null, null, true);
			}
			return new Discovery(List.of(), result.describe(), result.status() == FetchStatus.BLOCKED_ADDRESS, null,
					null, false);
		}

		static Discovery unchanged() {
			return new Discovery(List.of(), null, false, null, null, false);
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

		PUBLISHED, UNCHANGED, FAILED, RETRY,

		/** Handed to the instance that owns the host. */
		FORWARDED,

		/** Left unfinished because the host moved to another instance, which will process it. */
		ABANDONED

	}

	/** Hands a link to the owner of its host (see {@link LinkForwarder}). */
	private Outcome forward(Source source, SourceHealth health, DiscoveredLink link, int redirects) {
		try {
			this.forwarder.forward(source, link, redirects);
			this.linksForwarded.increment();
			return Outcome.FORWARDED;
		}
		catch (LinkForwarder.ForwardException ex) {
			health.error(this.clock.instant(), ex.getMessage());
			log.warn("source '{}': {}", source.name(), ex.getMessage());
			return Outcome.RETRY;
		}
	}

	/**
	 * An article link, from fetch to publish.
	 * @param takenOver whether the link was handed over by another instance (then a host that moves
	 * away abandons it, for the new owner; otherwise it is forwarded to the new owner)
	 */
	private Outcome article(Source source, SourceHealth health, DiscoveredLink link, boolean takenOver,
			int redirects) {
		String key = link.url().toString();
		if (!this.inProgress.add(key)) {
			return Outcome.UNCHANGED;
		}
		try {
			return processArticle(source, health, link, takenOver, redirects);
		}
		finally {
			this.inProgress.remove(key);
		}
	}

	private Outcome processArticle(Source source, SourceHealth health, DiscoveredLink link, boolean takenOver,
			int redirects) {
		String key = link.url().toString();
		if (fetchedLately(link)) {
			return Outcome.UNCHANGED;
		}
		FetchResult result = fetch(source, health, link.url(), Accept.HTML, true);
		Instant fetchedAt = this.clock.instant();
		if (result.status() == FetchStatus.NOT_OWNED) {
			return notOwned(source, health, link, result, takenOver, redirects);
		}
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
		// publish and record inside a piece of work on the host, so that the host cannot change hands
		// between the two: the next owner sees the record before it can fetch the page again
		try (HostOwnership.Work work = this.ownership.begin(link.url().getHost())) {
			if (work == null) {
				return takenOver ? Outcome.ABANDONED : forward(source, health, link, redirects);
			}
			return publish(source, health, link, result, extracted, title, canonical, articleId, hash, fetchedAt);
		}
	}

	private Outcome publish(Source source, SourceHealth health, DiscoveredLink link, FetchResult result,
			ExtractedArticle extracted, String title, URI canonical, String articleId, String hash, Instant fetchedAt) {
		String key = link.url().toString();
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

	/**
	 * A fetch that ended because a host is another instance's: the link's own host moved away (left to,
	 * or forwarded to, the new owner), or a redirect led to such a host (forwarded there).
	 */
	private Outcome notOwned(Source source, SourceHealth health, DiscoveredLink link, FetchResult result,
			boolean takenOver, int redirects) {
		if (sameHost(link.url(), result.finalUrl())) {
			return takenOver ? Outcome.ABANDONED : forward(source, health, link, redirects);
		}
		if (redirects >= MAX_HANDOVER_REDIRECTS) {
			health.error(this.clock.instant(), "REDIRECT_LIMIT " + result.finalUrl() + ": more than "
					+ MAX_HANDOVER_REDIRECTS + " redirects across crawler instances");
			return Outcome.FAILED;
		}
		DiscoveredLink target = new DiscoveredLink(result.finalUrl(), link.title(), link.published(), link.updated(),
				link.author(), link.summary());
		return forward(source, health, target, redirects + 1);
	}

	private static boolean sameHost(URI a, URI b) {
		return a.getHost() != null && b.getHost() != null
				&& a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT));
	}

	/** Whether the link was fetched within the revisit interval and its entry has not changed since. */
	private boolean fetchedLately(DiscoveredLink link) {
		CrawlState.FetchedUrl known = this.state.fetched(link.url().toString());
		return known != null && !changedSince(link, known.fetchedAt())
				&& known.fetchedAt().plus(this.settings.revisitInterval()).isAfter(this.clock.instant());
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
