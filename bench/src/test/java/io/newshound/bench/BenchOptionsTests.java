package io.newshound.bench;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Options: quick means the 10k corpus, and a wrong option says what is wrong. */
class BenchOptionsTests {

	private final Path home = Path.of("/repo");

	@Test
	void quickRunsEveryFigureOnTenThousandArticles() {
		BenchOptions options = BenchOptions.parse(List.of("--quick"), this.home);
		assertThat(options.corpusSize()).isEqualTo(10_000);
		assertThat(options.figures()).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(options.output()).isEqualTo(Path.of("/repo/bench"));
		assertThat(options.command()).isEqualTo("./newshound bench --quick");
		assertThat(BenchOptions.parse(List.of(), this.home).corpusSize()).isEqualTo(100_000);
	}

	@Test
	void onlySelectsFigures() {
		assertThat(BenchOptions.parse(List.of("--only", "3,1"), this.home).figures()).containsExactly(3, 1);
	}

	@Test
	void badOptionsAreNamed() {
		assertThatThrownBy(() -> BenchOptions.parse(List.of("--fast"), this.home)).hasMessageContaining("'--fast'");
		assertThatThrownBy(() -> BenchOptions.parse(List.of("--only", "7"), this.home)).hasMessageContaining("1 to 6");
		assertThatThrownBy(() -> BenchOptions.parse(List.of("--only"), this.home)).hasMessageContaining("needs a value");
	}

}
