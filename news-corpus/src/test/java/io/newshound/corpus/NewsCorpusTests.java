package io.newshound.corpus;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.newshound.events.ArticleEvent;
import io.newshound.events.ArticleIds;

import static org.assertj.core.api.Assertions.assertThat;

/** The corpus is deterministic, well-formed, and keeps the promises its landmarks rely on. */
class NewsCorpusTests {

	private final NewsCorpus corpus = NewsCorpus.generate(1000);

	@Test
	void sameSeedAndAnchorGiveTheSameArticles() {
		assertThat(NewsCorpus.generate(1000).articles()).isEqualTo(this.corpus.articles());
		assertThat(NewsCorpus.generate(7, 300, NewsCorpus.ANCHOR).articles())
			.isNotEqualTo(NewsCorpus.generate(8, 300, NewsCorpus.ANCHOR).articles());
	}

	@Test
	void streamGivesTheSameArticlesAsTheList() {
		assertThat(NewsCorpus.stream(NewsCorpus.SEED, 1000, NewsCorpus.ANCHOR).toList()).isEqualTo(this.corpus.articles());
	}

	@Test
	void articlesAreWellFormedAndUnique() {
		List<ArticleEvent> articles = this.corpus.articles();
		assertThat(articles).hasSize(1000);
		assertThat(articles.stream().map(ArticleEvent::articleId).distinct()).hasSize(1000);
		for (ArticleEvent article : articles) {
			assertThat(article.articleId()).isEqualTo(ArticleIds.of(article.url()));
			assertThat(article.url()).matches("https://[a-z-]+\\.example/.+");
			assertThat(article.publishedAt()).isBefore(NewsCorpus.ANCHOR)
				.isAfter(NewsCorpus.ANCHOR.minusSeconds(61L * 24 * 3600));
			assertThat(article.storyId()).hasSize(16);
			assertThat(article.tags()).isNotEmpty();
			assertThat(article.authors()).hasSize(1);
			assertThat(article.body().split(" ").length).isGreaterThan(20);
		}
		assertThat(articles.stream().map(ArticleEvent::language).collect(Collectors.toSet())).containsExactlyInAnyOrder("en", "de");
		assertThat(articles.stream().map(ArticleEvent::source).collect(Collectors.toSet())).hasSize(NewsCorpus.sources().size());
	}

	/** Copies of a story are on different sources, published after the original, sharing its storyId. */
	@Test
	void syndicatedCopiesShareTheStory() {
		Map<String, List<ArticleEvent>> stories = this.corpus.stories();
		List<List<ArticleEvent>> syndicated = stories.values().stream().filter((story) -> story.size() > 1).toList();
		assertThat(syndicated.size()).isBetween(100, 250);
		for (List<ArticleEvent> story : syndicated) {
			assertThat(story.stream().map(ArticleEvent::source).distinct()).hasSameSizeAs(story);
			assertThat(story.get(0).storyId()).isEqualTo(story.get(0).articleId().substring(0, 16));
			story.subList(1, story.size()).forEach((copy) -> assertThat(copy.publishedAt()).isAfter(story.get(0).publishedAt()));
		}
		assertThat(stories.get(this.corpus.landmark(Landmark.CLOUD_AGREEMENT).storyId()))
			.extracting(ArticleEvent::source)
			.containsExactly("Compute Chronicle", "The Inference", "Datacenter Dispatch", "Silicon Ledger");
	}

	/** The landmarks' distinctive words appear nowhere else, so a reader knows what each query must find. */
	@Test
	void landmarkWordsAreTheirsAlone() {
		Set<String> landmarkIds = new HashSet<>();
		for (Landmark landmark : Landmark.values()) {
			landmarkIds.add(this.corpus.landmark(landmark).articleId());
		}
		String cloud = this.corpus.landmark(Landmark.CLOUD_AGREEMENT).storyId();
		for (ArticleEvent article : this.corpus.articles()) {
			if (landmarkIds.contains(article.articleId()) || article.storyId().equals(cloud)) {
				continue;
			}
			String text = (article.title() + " " + article.body()).toLowerCase(Locale.ROOT);
			assertThat(text).doesNotContain("open weights", "acquir", "large language model", "llm", "blackwell",
					"tokyo", "prompt injection", "cloud agreement", "<", "&");
			if (text.contains("anthropic")) {
				assertThat(text).contains("claude");
			}
		}
	}

	/** Full-length bodies tell the same stories (same ids, titles, dates) with 300–1,500 words each. */
	@Test
	void fullLengthCorpusTellsTheSameStoriesAtLength() {
		List<ArticleEvent> full = NewsCorpus.stream(NewsCorpus.SEED, 1000, NewsCorpus.ANCHOR, BodyLength.FULL).toList();
		assertThat(full).extracting(ArticleEvent::articleId)
			.containsExactlyElementsOf(this.corpus.articles().stream().map(ArticleEvent::articleId).toList());
		assertThat(full).extracting(ArticleEvent::title)
			.containsExactlyElementsOf(this.corpus.articles().stream().map(ArticleEvent::title).toList());
		assertThat(NewsCorpus.generate(NewsCorpus.SEED, 1000, NewsCorpus.ANCHOR, BodyLength.FULL).articles())
			.isEqualTo(full);
		int landmarks = NewsCorpus.minimumSize();
		for (ArticleEvent article : full.subList(landmarks, full.size())) {
			assertThat(Elaboration.words(article.body())).isBetween(Elaboration.MIN_WORDS, Elaboration.MAX_WORDS);
			String text = article.body().toLowerCase(Locale.ROOT);
			assertThat(text).doesNotContain("open weights", "acquir", "large language model", "llm", "blackwell",
					"tokyo", "prompt injection", "cloud agreement", "<", "&");
			if (text.contains("anthropic")) {
				assertThat(text).contains("claude");
			}
		}
		// a syndicated copy carries its original's full text
		Map<String, List<ArticleEvent>> stories = full.subList(landmarks, full.size())
			.stream()
			.collect(Collectors.groupingBy(ArticleEvent::storyId, java.util.LinkedHashMap::new, Collectors.toList()));
		List<ArticleEvent> story = stories.values().stream().filter((s) -> s.size() > 1).findFirst().orElseThrow();
		assertThat(story.get(1).body()).contains(story.get(0).body());
	}

	@Test
	void anchorMovesEveryDate() {
		Instant earlier = NewsCorpus.ANCHOR.minusSeconds(86_400);
		ArticleEvent first = NewsCorpus.generate(NewsCorpus.SEED, 300, earlier).articles().get(0);
		assertThat(first.publishedAt()).isEqualTo(this.corpus.articles().get(0).publishedAt().minusSeconds(86_400));
	}

}
