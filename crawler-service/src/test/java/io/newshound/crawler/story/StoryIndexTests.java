package io.newshound.crawler.story;

import io.newshound.crawler.TestSite;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoryIndexTests {

	private static int[] signature(String fixture) {
		return MinHash.signature(Jsoup.parse(TestSite.fixture("site/" + fixture)).select("p").text());
	}

	/** Two lightly edited copies of one wire story are similar; different stories are not. */
	@Test
	void nearDuplicatesHaveSimilarSignatures() {
		int[] a = signature("wire-story-a.html");
		int[] b = signature("wire-story-b.html");
		assertThat(MinHash.similarity(a, b)).isGreaterThanOrEqualTo(StoryIndex.DEFAULT_MIN_SIMILARITY + 0.15);
		assertThat(MinHash.similarity(a, signature("robotics-lab.html"))).isLessThan(0.15);
		assertThat(MinHash.similarity(a, signature("chip-export-rules.html"))).isLessThan(0.15);
		assertThat(MinHash.signature(" ,.; ")).isNull();
		assertThat(MinHash.decode(MinHash.encode(a))).containsExactly(a);
	}

	@Test
	void nearDuplicatesShareAStoryAndOthersStartTheirOwn() {
		StoryIndex index = new StoryIndex(StoryIndex.DEFAULT_MIN_SIMILARITY, 100);
		String story = index.assign("aaaaaaaaaaaaaaaa1111", signature("wire-story-a.html"));
		assertThat(story).isEqualTo("aaaaaaaaaaaaaaaa");
		assertThat(index.assign("bbbbbbbbbbbbbbbb2222", signature("wire-story-b.html"))).isEqualTo(story);
		assertThat(index.assign("cccccccccccccccc3333", signature("robotics-lab.html"))).isEqualTo("cccccccccccccccc");
	}

	/** An article keeps its story when its text changes, also after a restart (remembered from the state). */
	@Test
	void anArticleKeepsItsStory() {
		StoryIndex index = new StoryIndex(StoryIndex.DEFAULT_MIN_SIMILARITY, 100);
		index.remember("a", signature("wire-story-a.html"), "story-1");
		assertThat(index.assign("a", signature("robotics-lab.html"))).isEqualTo("story-1");
		assertThat(index.assign("b", signature("robotics-lab.html"))).isEqualTo("story-1");
		assertThat(index.assign("c", signature("wire-story-b.html"))).isEqualTo("c");
	}

	@Test
	void forgetsTheOldestBeyondItsCapacity() {
		StoryIndex index = new StoryIndex(StoryIndex.DEFAULT_MIN_SIMILARITY, 2);
		index.assign("a", signature("wire-story-a.html"));
		index.assign("b", signature("robotics-lab.html"));
		index.assign("c", signature("chip-export-rules.html"));
		assertThat(index.assign("d", signature("wire-story-b.html"))).isEqualTo("d");
	}

}
