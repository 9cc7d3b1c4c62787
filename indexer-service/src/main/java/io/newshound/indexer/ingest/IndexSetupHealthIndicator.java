package io.newshound.indexer.ingest;

import java.util.Locale;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code indexSetup} component of {@code /actuator/health}: UP once the index exists and
 * consumption started; OUT_OF_SERVICE while waiting for Elasticsearch; DOWN, with the reason and the
 * fix, when Elasticsearch refused the set-up (the indexer keeps retrying slowly and recovers by
 * itself once the cause is fixed).
 */
class IndexSetupHealthIndicator implements HealthIndicator {

	private final IndexSetupStatus status;

	IndexSetupHealthIndicator(IndexSetupStatus status) {
		this.status = status;
	}

	@Override
	public Health health() {
		IndexSetupStatus.Snapshot now = this.status.snapshot();
		Health.Builder builder = switch (now.phase()) {
			case READY -> Health.up();
			case REFUSED -> Health.down();
			case STARTING, WAITING -> Health.status(Status.OUT_OF_SERVICE);
		};
		builder.withDetail("phase", now.phase().name().toLowerCase(Locale.ROOT))
			.withDetail("alias", this.status.alias())
			.withDetail("attempts", now.attempts())
			.withDetail("since", now.since().toString());
		if (now.reason() != null) {
			builder.withDetail("reason", now.reason());
		}
		if (now.fix() != null) {
			builder.withDetail("fix", now.fix());
		}
		return builder.build();
	}

}
