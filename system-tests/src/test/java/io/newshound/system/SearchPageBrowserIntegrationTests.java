package io.newshound.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;

import io.newshound.corpus.Landmark;
import io.newshound.corpus.NewsCorpus;
import io.newshound.crawler.CrawlerApplication;
import io.newshound.events.ArticleEvent;
import io.newshound.events.ArticleIds;
import io.newshound.launcher.demo.DemoSite;
import io.newshound.stack.junit.LocalStack;
import io.newshound.stack.junit.LocalStackTest;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

import static io.newshound.system.SearchHits.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The search page in a real headless Chromium, served by the real search service over the generated corpus (indexed
 * by the real indexer from Kafka into a real Elasticsearch node), with a real crawler reading the demo site for the
 * sources page. Screenshots of the page (light, dark, phone width) and of the alerts panel are written to
 * {@code target/screenshots/}.
 */
@LocalStackTest
class SearchPageBrowserIntegrationTests {

	static final String HOSTILE_SOURCE = "Hostile Wire";

	static final String HOSTILE_TITLE = "<img src=x onerror=alert(1)>";

	static final String ALERT_SOURCE = "Alert Wire";

	@TempDir
	static Path workDir;

	static DemoSite site;

	static ConfigurableApplicationContext crawler;

	static SearchFixture fixture;

	static Browser browser;

	@BeforeAll
	static void start(LocalStack stack) throws Exception {
		Browser.requireInstalled();
		site = DemoSite.start(0);
		Path sources = workDir.resolve("sources.yml");
		// the demo site twice: once allowed to be a loopback address, once refused by the address guard (a failing source)
		Files.writeString(sources, """
				sources:
				  - name: Newshound Demo
				    url: %s
				    kind: feed
				    pollInterval: 1m
				    tags: [demo]
				    allowPrivateAddresses: true
				  - name: Refused Local
				    url: %s
				    kind: feed
				    pollInterval: 1m
				""".formatted(site.feedUrl(), site.feedUrl()));
		SpringApplication crawlerApplication = CrawlerApplication.application();
		// Reactor Netty's global resources are shared by every WebFlux service in this JVM, and disposed by the first
		// one to close: the crawler, which this test stops early, gets resources of its own
		crawlerApplication.addInitializers((context) -> ((GenericApplicationContext) context)
			.registerBean(ReactorResourceFactory.class, () -> {
				ReactorResourceFactory resources = new ReactorResourceFactory();
				resources.setUseGlobalResources(false);
				return resources;
			}));
		crawler = RunningServices.run(crawlerApplication, stack, "--newshound.crawler.sources=" + sources,
				"--newshound.crawler.state-dir=" + workDir.resolve("crawler-state"));
		fixture = new SearchFixture(stack, List.of(HOSTILE_SOURCE, ALERT_SOURCE),
				"--newshound.search.pipeline.crawler-url=http://127.0.0.1:" + port(crawler));
		String url = "https://hostile.example/articles/img-onerror";
		fixture.publish(List.of(new ArticleEvent(1, ArticleIds.of(url), url, HOSTILE_SOURCE, HOSTILE_TITLE,
				"A zanzibar report <script>alert(2)</script> with <b>bold</b> markup & an <img src=x onerror=alert(3)> tag.",
				null, List.of("<i>Mallory</i>"), NewsCorpus.ANCHOR.minus(Duration.ofHours(2)), NewsCorpus.ANCHOR,
				NewsCorpus.ANCHOR, "en", null, null, List.of("security"), "hostile-1", null)));
		fixture.awaitCount(SearchFixture.CORPUS.articles().size() + 1);
		browser = Browser.start("http://127.0.0.1:" + fixture.searchPort());
	}

	@AfterAll
	static void stop() throws Exception {
		try (AutoCloseable closeSite = site; AutoCloseable closeFixture = fixture; AutoCloseable closeBrowser = browser) {
			if (crawler != null && crawler.isActive()) {
				crawler.close();
			}
		}
	}

	@BeforeEach
	void lightDesktop() {
		browser.size(Browser.DESKTOP);
		browser.colorScheme("light");
	}

	/** The first results on the page are the API's first results, in its order, the landmark phrase match first. */
	@Test
	void searchRendersTheExpectedFirstResults() {
		browser.open("/?q=" + encode("\"open weights\""));
		assertThat(titlesShown(2)).containsExactly(Landmark.OPEN_WEIGHTS.title(), SearchFixture.CORPUS
			.articles()
			.stream()
			.filter((a) -> a.articleId().equals(id(Landmark.OPEN_WEIGHTS_BODY)))
			.findFirst()
			.orElseThrow()
			.title());
		assertThat(browser.one("#q").getDomProperty("value")).isEqualTo("\"open weights\"");
		assertThat(browser.all("#results .hit").get(0).findElement(By.cssSelector(".snippet mark")).getText())
			.isEqualToIgnoringCase("open weights");

		browser.open("/?q=nvidia");
		List<String> expected = apiTitles(fixture.ok("q", "nvidia", "size", "20"));
		assertThat(titlesShown(expected.size())).containsExactlyElementsOf(expected);
		WebElement first = browser.all("#results .hit").get(0);
		assertThat(first.findElement(By.cssSelector(".source")).getText()).isNotBlank();
		assertThat(first.findElement(By.cssSelector("time")).getDomAttribute("datetime")).isNotBlank();
		assertThat(browser.one("#status").getText()).startsWith(fixture.ok("q", "nvidia").path("total").asLong() + " articles");
		assertThat(browser.all("#chart svg .bar")).hasSize(31);
	}

	/** A source facet narrows the results to that source and puts it in the URL; back returns to the wider search. */
	@Test
	void facetClickNarrowsTheResultsAndUpdatesTheUrl() {
		browser.open("/?q=nvidia");
		titlesShown(1);
		long narrowed = fixture.ok("q", "nvidia", "source", "Silicon Ledger").path("total").asLong();
		assertThat(narrowed).isPositive().isLessThan(fixture.ok("q", "nvidia").path("total").asLong());
		browser.one("button.facet-value[data-facet='source'][data-value='Silicon Ledger']").click();

		browser.await((d) -> browser.path().equals("/?q=nvidia&source=Silicon+Ledger"));
		browser.await((d) -> browser.one("#status").getText().startsWith(narrowed + " articles"));
		assertThat(browser.all("#results .hit .meta .source")).isNotEmpty()
			.allSatisfy((source) -> assertThat(source.getText()).isEqualTo("Silicon Ledger"));
		assertThat(browser.one("button.facet-value[data-facet='source'][data-value='Silicon Ledger']").getDomAttribute("aria-pressed"))
			.isEqualTo("true");
		assertThat(browser.one("#active-filters .chip").getText()).contains("Source: Silicon Ledger");

		browser.driver.navigate().back();
		browser.await((d) -> browser.path().equals("/?q=nvidia"));
		long all = fixture.ok("q", "nvidia").path("total").asLong();
		browser.await((d) -> browser.one("#status").getText().startsWith(all + " articles"));
		titlesShown(1);
		assertThat(browser.all("#results .hit .meta .source")).extracting(WebElement::getText).contains("Silicon Ledger")
			.anySatisfy((source) -> assertThat(source).isNotEqualTo("Silicon Ledger"));
	}

	/**
	 * An article whose title is markup renders as that text, in the results and in the preview: no element is made
	 * of it and no alert fires. The page's CSP refuses inline handlers even if markup were ever inserted.
	 */
	@Test
	void hostileTitleRendersAsText() {
		browser.open("/?q=zanzibar");
		assertThat(titlesShown(1)).containsExactly(HOSTILE_TITLE);
		WebElement hit = browser.one("#results .hit");
		assertThat(hit.findElements(By.cssSelector("img, script, b, i"))).isEmpty();
		assertThat(hit.findElement(By.cssSelector(".snippet")).getText()).contains("<script>alert(2)</script>")
			.contains("<b>bold</b>");
		assertThat(hit.findElement(By.cssSelector(".snippet mark")).getText()).isEqualTo("zanzibar");
		assertThat(hit.findElement(By.cssSelector(".author")).getText()).isEqualTo("by <i>Mallory</i>");

		hit.findElement(By.cssSelector(".hit-title")).click();
		browser.await((d) -> browser.one("#preview-title").getText().equals(HOSTILE_TITLE));
		assertThat(browser.all("#preview img, #preview script, #preview b")).isEmpty();
		assertThat(browser.one("#preview .article-body").getText()).contains("<img src=x onerror=alert(3)>");
		browser.screenshot("hostile-article-preview");
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> browser.driver.switchTo().alert());

		// even markup inserted on purpose cannot run an inline handler: the CSP has no 'unsafe-inline'
		Object handlerRan = browser.driver.executeAsyncScript("""
				const done = arguments[0];
				window.pwned = false;
				document.body.insertAdjacentHTML('beforeend', '<img id="probe" src="/nothing.png" onerror="window.pwned = true">');
				document.getElementById('probe').addEventListener('error', () => setTimeout(() => done(window.pwned), 100));
				""");
		assertThat(handlerRan).isEqualTo(false);
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> browser.driver.switchTo().alert());
	}

	/**
	 * The snippet sanitiser keeps {@code <mark>} and text only, whatever the snippet holds: elements become their
	 * text, attributes are dropped, escaped markup stays text.
	 */
	@Test
	void highlightSanitiserRebuildsOnlyMarks() {
		browser.open("/");
		Object html = browser.driver.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				import('/js/dom.js').then(({ highlighted }) => {
				  const box = document.createElement('div');
				  box.append(highlighted(arguments[0]));
				  done(box.innerHTML);
				});
				""", "<mark>ok</mark> &lt;b&gt; <img src=x onerror=alert(1)> <mark onclick=\"alert(2)\"><b>y</b></mark> "
				+ "<script>alert(3)</script><a href=\"javascript:alert(4)\">z</a>");
		assertThat(html).isEqualTo("<mark>ok</mark> &lt;b&gt;  <mark>y</mark> alert(3)z");
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> browser.driver.switchTo().alert());
	}

	/** Scrolling to the end loads the next pages through the API's cursors, each story once. */
	@Test
	void scrollingLoadsMoreResults() {
		browser.open("/?sort=recent");
		titlesShown(20);
		assertThat(browser.all("#results .hit")).hasSize(20);
		for (int pages = 2; pages <= 3; pages++) {
			int atLeast = (pages - 1) * 20 + 1;
			browser.script("window.scrollTo(0, document.body.scrollHeight)");
			browser.await((d) -> browser.all("#results .hit").size() >= atLeast);
		}
		List<String> ids = browser.all("#results .hit").stream().map((hit) -> hit.getDomAttribute("data-id")).toList();
		assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
		assertThat(browser.one("input[name='sort'][value='recent']").isSelected()).isTrue();
	}

	/** A title opens the preview with the article's text and related stories; Escape and back/forward follow the URL. */
	@Test
	void previewShowsTheArticleAndRelatedStories() {
		String query = "/?q=" + encode("\"open weights\"");
		browser.open(query);
		titlesShown(1);
		browser.one("#results .hit-title").click();
		browser.await((d) -> browser.one("#preview-title").getText().equals(Landmark.OPEN_WEIGHTS.title()));
		assertThat(browser.path()).isEqualTo(query.replace("\"", "%22") + "&article=" + id(Landmark.OPEN_WEIGHTS));
		assertThat(browser.one("#preview .article-body").getText()).contains("Developers can download the open weights");
		browser.await((d) -> !browser.all("#preview .related-link").isEmpty());
		browser.screenshot("article-preview");

		new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
		browser.await((d) -> browser.one("#preview").getDomAttribute("open") == null);
		browser.await((d) -> !browser.path().contains("article="));
		browser.driver.navigate().forward();
		browser.await((d) -> browser.one("#preview").getDomAttribute("open") != null
				&& browser.one("#preview-title").getText().equals(Landmark.OPEN_WEIGHTS.title()));
	}

	/** Keyboard only: "/" to the search box, Enter to search, j to the first result, Enter to preview, Esc to close. */
	@Test
	void keyboardAloneSearchesAndPreviews() {
		browser.open("/");
		titlesShown(1);
		keys("/");
		assertThat(browser.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("q");
		keys("\"open weights\"", Keys.ENTER);
		browser.await((d) -> browser.path().equals("/?q=%22open+weights%22"));
		browser.await((d) -> titlesShown(1).get(0).equals(Landmark.OPEN_WEIGHTS.title()));
		keys(Keys.TAB, "j");
		WebElement focused = browser.driver.switchTo().activeElement();
		assertThat(focused.getDomAttribute("class")).isEqualTo("hit-title");
		assertThat(focused.getDomAttribute("data-id")).isEqualTo(id(Landmark.OPEN_WEIGHTS));
		keys(Keys.ENTER);
		browser.await((d) -> browser.one("#preview").getDomAttribute("open") != null
				&& browser.one("#preview-title").getText().equals(Landmark.OPEN_WEIGHTS.title()));
		keys(Keys.ESCAPE);
		browser.await((d) -> browser.one("#preview").getDomAttribute("open") == null);
		browser.await((d) -> browser.path().equals("/?q=%22open+weights%22"));
	}

	private static void keys(CharSequence... keys) {
		new Actions(browser.driver).sendKeys(keys).perform();
	}

	/** The page as people see it: light and dark, desktop and phone width. */
	@Test
	void screenshotsOfTheSearchPage() {
		for (String scheme : List.of("light", "dark")) {
			browser.colorScheme(scheme);
			for (var size : Map.of("desktop", Browser.DESKTOP, "phone", Browser.PHONE).entrySet()) {
				browser.size(size.getValue());
				browser.open("/?q=nvidia");
				titlesShown(5);
				Object background = browser.script("return getComputedStyle(document.documentElement).backgroundColor");
				assertThat(background).isEqualTo(scheme.equals("dark") ? "rgb(15, 17, 21)" : "rgb(255, 255, 255)");
				Object overflow = browser.script("return document.documentElement.scrollWidth > window.innerWidth");
				assertThat(overflow).as("no horizontal scrolling at %s width", size.getKey()).isEqualTo(false);
				boolean phone = size.getKey().equals("phone");
				assertThat(browser.one("#facets-toggle").isDisplayed()).isEqualTo(phone);
				assertThat(browser.one("#facets").isDisplayed()).isEqualTo(!phone);
				assertThat(browser.screenshot("search-" + size.getKey() + "-" + scheme)).isNotEmptyFile();
				if (phone) {
					browser.one("#facets-toggle").click();
					browser.await((d) -> browser.one("#facets").isDisplayed());
					browser.screenshot("search-phone-" + scheme + "-facets");
				}
			}
		}
	}

	/** The alerts panel and the "alert me" dialog: described search, keyboard reachable, screenshots. */
	@Test
	void alertsPanelAndDialog() {
		browser.open("/?q=nvidia&source=Silicon+Ledger");
		titlesShown(1);
		browser.one("#alerts-toggle").click();
		browser.await((d) -> browser.one("#alerts-panel").isDisplayed());
		assertThat(browser.one("#alerts-toggle").getDomAttribute("aria-expanded")).isEqualTo("true");
		assertThat(browser.driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("alerts-title");
		browser.screenshot("alerts-panel");
		new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
		browser.await((d) -> !browser.one("#alerts-panel").isDisplayed());

		browser.one("#alert-me").click();
		browser.await((d) -> browser.one("#alert-dialog").isDisplayed());
		assertThat(browser.one("#alert-name").getDomProperty("value")).isEqualTo("nvidia");
		assertThat(browser.one("#alert-dialog .alert-query").getText()).isEqualTo("nvidia · source: Silicon Ledger");
		browser.colorScheme("dark");
		browser.screenshot("alert-dialog-dark");
		browser.one("#alert-dialog button[value='cancel']").click();
		browser.await((d) -> !browser.one("#alert-dialog").isDisplayed());
	}

	/**
	 * An alert created in the page receives, live over its event stream, an article published after it: the unread
	 * count rises and the match is listed in the panel.
	 */
	@Test
	void alertCreatedInThePageReceivesAMatchPublishedAfterItLive() throws Exception {
		// alerts start in the background (subscriptions loaded, matcher in its group); until then creating one is a 503
		org.awaitility.Awaitility.await()
			.atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> fixture.get("/actuator/health").json().path("components").path("alerts").path("status").asString(),
					"UP"::equals);
		browser.open("/?q=" + encode("quokka datacentre"));
		browser.await((d) -> browser.one("#status").getText().startsWith("0 articles"));
		browser.one("#alert-me").click();
		browser.await((d) -> browser.one("#alert-dialog").isDisplayed());
		browser.one("#alert-name").clear();
		browser.one("#alert-name").sendKeys("Quokka datacentres");
		browser.one("#alert-dialog button[value='create']").click();
		browser.await((d) -> browser.one("#alert-dialog .alert-created").isDisplayed());
		String token = browser.one("#alert-token").getDomProperty("value");
		assertThat(token).isNotBlank();
		assertThat(browser.one("#alert-atom").getDomProperty("value")).contains("/feed.atom").contains("token=" + token);
		browser.screenshot("alert-created");
		browser.one("#alert-dialog .done").click();
		browser.await((d) -> !browser.all("#alerts-list .stream-status[data-status='live']").isEmpty());
		browser.one("#alerts-panel .close").click();

		String url = "https://alertwire.example/quokka-datacentre";
		String title = "Quokka Robotics opens its first datacentre";
		fixture.publish(List.of(new ArticleEvent(1, ArticleIds.of(url), url, ALERT_SOURCE, title,
				"Quokka Robotics opened a datacentre for its AI models on Monday.", null, List.of(), NewsCorpus.ANCHOR,
				NewsCorpus.ANCHOR, NewsCorpus.ANCHOR, "en", null, null, List.of(), "quokka-1", null)));

		browser.await(Duration.ofSeconds(60), (d) -> browser.one("#unread").isDisplayed()
				&& browser.one("#unread").getText().equals("1"));
		assertThat(browser.driver.getTitle()).startsWith("(1) ");
		browser.one("#alerts-toggle").click();
		browser.await((d) -> browser.one("#alerts-list .match-title").getText().equals(title));
		assertThat(browser.one("#unread").isDisplayed()).isFalse();
		browser.screenshot("alerts-panel-with-match");
	}

	/** The sources page shows each source's health and the pipeline's figures, and says so when the crawler is down. */
	@Test
	void sourcesPageShowsHealthAndSaysWhenTheCrawlerIsDown() throws Exception {
		browser.open("/sources.html");
		browser.await(Duration.ofSeconds(90), (d) -> {
			if (health("Newshound Demo").equals("ok") && health("Refused Local").equals("failing")) {
				return true;
			}
			browser.one("#refresh").click();
			return false;
		});
		assertThat(browser.one("tr[data-source='Refused Local'] .last-error").getText()).isNotBlank().isNotEqualTo("—");
		List<String> figures = browser.all("#figures .figure .value").stream().map(WebElement::getText).toList();
		assertThat(figures).hasSize(3).doesNotContain("?");
		assertThat(Long.parseLong(figures.get(1).replace(",", ""))).isEqualTo(fixture.count(Map.of("match_all", Map.of())));
		browser.screenshot("sources");

		crawler.close();
		browser.one("#refresh").click();
		browser.await((d) -> browser.one("#crawler-state").getText().startsWith("Source health is unavailable"));
		assertThat(browser.one("#crawler-state").getText()).startsWith("Source health is unavailable: the crawler at http://127.0.0.1:");
		assertThat(browser.one("#sources").isDisplayed()).isFalse();
		assertThat(browser.all("#figures .figure .value").get(0).getText()).isEqualTo("?");
		browser.screenshot("sources-crawler-down");
	}

	/** The API description page still works under the CSP (its scripts and styles are files of this origin). */
	@Test
	void swaggerUiWorksUnderTheContentSecurityPolicy() {
		browser.open("/swagger-ui.html");
		browser.await((d) -> !browser.all(".swagger-ui .opblock-summary-path").isEmpty());
		assertThat(browser.all(".swagger-ui .opblock-summary-path")).extracting(WebElement::getText).contains("/api/search");
	}

	private static String health(String source) {
		List<WebElement> cells = browser.all("tr[data-source='" + source + "'] .health");
		return cells.isEmpty() ? "" : cells.get(0).getText();
	}

	/** Waits for at least {@code count} results, then the titles shown. */
	private static List<String> titlesShown(int count) {
		browser.await((d) -> browser.all("#results .hit-title").size() >= count
				&& "false".equals(browser.one("#results").getDomAttribute("aria-busy")));
		return browser.all("#results .hit-title").stream().map(WebElement::getText).toList();
	}

	private static List<String> apiTitles(JsonNode result) {
		return SearchHits.hits(result).stream().map((hit) -> hit.path("title").asString()).toList();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
