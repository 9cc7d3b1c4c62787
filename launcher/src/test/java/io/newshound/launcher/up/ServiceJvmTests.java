package io.newshound.launcher.up;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceJvmTests {

	/** Every service gets the 300 MB heap and serial GC; only the indexer keeps C2. */
	@Test
	void onlyTheIndexerKeepsTheFullJit() {
		assertThat(ServiceJvm.options("indexer-service")).containsExactly("-Xmx300m", "-XX:+UseSerialGC");
		assertThat(ServiceJvm.options("search-service")).containsExactly("-Xmx300m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1");
		assertThat(ServiceJvm.options("crawler-service")).containsExactly("-Xmx300m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1");
	}

}
