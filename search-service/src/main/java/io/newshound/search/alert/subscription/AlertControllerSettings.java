package io.newshound.search.alert.subscription;

import java.time.Clock;

/** What the alert API needs besides its collaborators: the alerts' clock and the most alerts a deployment holds. */
public record AlertControllerSettings(Clock clock, int maxAlerts) {
}
