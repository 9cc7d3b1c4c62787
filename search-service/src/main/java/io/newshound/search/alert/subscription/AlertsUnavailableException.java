package io.newshound.search.alert.subscription;

/** Alerts cannot be served now: the subscriptions are still loading, or Kafka did not take a write. */
public class AlertsUnavailableException extends RuntimeException {

	public AlertsUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
