package io.newshound.crawler.extract;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import io.newshound.crawler.TestSite;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The first extractor on hand-written fixture articles. */
class JsoupArticleExtractorTests {

	private static final String BASE = "https://fieldnote.example";

	private final ArticleExtractor extractor = new JsoupArticleExtractor();

	private ExtractedArticle extract(String fixture, String path) {
		String html = TestSite.fixture("site/" + fixture).replace("{{base}}", BASE);
		return this.extractor.extract(html, URI.create(BASE + path));
	}

	/** JSON-LD wins for metadata; boilerplate (nav, share bar, ads, related, comments, footer) stays out of the body. */
	@Test
	void extractsAJsonLdNewsArticle() {
		ExtractedArticle article = extract("chip-export-rules.html", "/articles/chip-export-rules?utm_source=rss");
		assertThat(article.headline()).isEqualTo("Chipmakers brace for new export rules on AI accelerators");
		assertThat(article.authors()).containsExactly("Mara Okafor", "Tomas Lind");
		assertThat(article.published()).isEqualTo(Instant.parse("2026-03-14T07:30:00Z"));
		assertThat(article.modified()).isEqualTo(Instant.parse("2026-03-14T09:00:00Z"));
		assertThat(article.canonicalUrl()).isEqualTo(URI.create(BASE + "/articles/chip-export-rules?id=42"));
		assertThat(article.language()).isEqualTo("en");
		assertThat(article.image()).isEqualTo(BASE + "/img/chip-lead.jpg");
		assertThat(article.summary()).isEqualTo("Accelerator vendors expect licence requirements to widen.");
		assertThat(article.siteName()).isEqualTo("Fieldnote Tech");
		assertThat(paragraphs(article)).containsExactly(
				"Makers of AI accelerators are preparing for a wider set of export licence requirements, according to three people familiar with draft rules circulated to industry groups this week.",
				"The draft, which could still change, would extend licence checks to a broader range of data-centre chips, including parts that were designed to stay under earlier performance thresholds.",
				"Vendors said the uncertainty was already shaping orders. One executive, who asked not to be named because the talks are private, said several customers had asked to move deliveries forward by a quarter.",
				"What changes for cloud providers",
				"Cloud providers that rent accelerator capacity abroad would need to screen customers more closely, and report large training runs, under the proposal seen by Fieldnote Tech.",
				"Industry groups have until the end of April to comment, and officials have said that the final text will take those comments into account.");
	}

	/** Without JSON-LD, OpenGraph and meta tags give the metadata; the sidebar and newsletter box are dropped. */
	@Test
	void extractsAnOpenGraphArticle() {
		ExtractedArticle article = extract("open-model-release.html", "/articles/open-model-release");
		assertThat(article.headline()).isEqualTo("Open model release draws developer interest");
		assertThat(article.authors()).containsExactly("Priya Raman");
		assertThat(article.published()).isEqualTo(Instant.parse("2026-02-02T15:45:00Z"));
		assertThat(article.canonicalUrl()).isEqualTo(URI.create(BASE + "/articles/open-model-release"));
		assertThat(article.summary()).isEqualTo("A new open-weights model tops the download charts.");
		assertThat(paragraphs(article)).hasSize(4);
		assertThat(article.body()).startsWith("A research collective released an open-weights language model on Monday")
			.endsWith("along with the evaluation harness it used.")
			.doesNotContain("Most read", "Sign up", "independent coverage", "Home");
	}

	/** Plain markup: the h1, the time element and rel=author; the page URL as canonical. */
	@Test
	void extractsAPlainMarkupArticle() {
		ExtractedArticle article = extract("robotics-lab.html", "/articles/robotics-lab?utm_source=feed");
		assertThat(article.headline()).isEqualTo("Robotics lab shows hands that learn from video");
		assertThat(article.authors()).containsExactly("Lena Vogel");
		assertThat(article.published()).isEqualTo(Instant.parse("2026-01-20T00:00:00Z"));
		assertThat(article.canonicalUrl()).isEqualTo(URI.create(BASE + "/articles/robotics-lab"));
		assertThat(article.language()).isNull();
		assertThat(paragraphs(article)).hasSize(3).first().asString().startsWith("A university robotics lab");
		assertThat(article.body()).doesNotContain("Front page", "Copyright");
	}

	/**
	 * Regression: when a wrapper's class looks like boilerplate ({@code has-sidebar}) the first pass
	 * drops the whole article; a second pass without class rules finds it.
	 */
	@Test
	void readsPagesWhoseEveryContainerLooksLikeAWidget() {
		ExtractedArticle article = extract("page-builder.html", "/inference-costs");
		assertThat(paragraphs(article)).hasSize(3).first().asString().startsWith("The price of running large language models");
		assertThat(article.body()).doesNotContain("Subscribe");
	}

	/** An article cut into one box per paragraph is taken whole, not as its longest box. */
	@Test
	void takesAnArticleCutIntoBoxesWhole() {
		ExtractedArticle article = extract("cards.html", "/small-models-lab");
		assertThat(paragraphs(article)).hasSize(4).first().asString().startsWith("A startup founded by former university researchers");
	}

	/** A canonical URL on another site is not believed (it would let a page claim another site's article id). */
	@Test
	void ignoresACanonicalUrlOnAnotherSite() {
		String html = "<html><head><link rel=canonical href='https://other.example.net/story'></head>"
				+ "<body><h1>T</h1><p>" + "Some text, long enough to count as a paragraph. ".repeat(5) + "</p></body></html>";
		ExtractedArticle article = this.extractor.extract(html, URI.create("https://fieldnote.example/story?utm_source=x"));
		assertThat(article.canonicalUrl()).isEqualTo(URI.create("https://fieldnote.example/story"));
	}

	@Test
	void findsAPublicationDateInTheUrlAsALastResort() {
		String html = "<html><body><h1>T</h1><p>" + "Text, of a paragraph. ".repeat(5) + "</p></body></html>";
		ExtractedArticle article = this.extractor.extract(html, URI.create("https://x.example/2025/11/03/some-story"));
		assertThat(article.published()).isEqualTo(Instant.parse("2025-11-03T00:00:00Z"));
	}

	@Test
	void stripsTheSiteNameFromTitles() {
		assertThat(JsoupArticleExtractor.stripSiteName("A headline about models | The Weights", null))
			.isEqualTo("A headline about models");
		assertThat(JsoupArticleExtractor.stripSiteName("A headline - Fieldnote Tech", "Fieldnote Tech"))
			.isEqualTo("A headline");
		assertThat(JsoupArticleExtractor.stripSiteName("Microsoft and OpenAI sign an MOU - what it means", null))
			.isEqualTo("Microsoft and OpenAI sign an MOU - what it means");
	}

	private static List<String> paragraphs(ExtractedArticle article) {
		return List.of(article.body().split("\n\n"));
	}

}
