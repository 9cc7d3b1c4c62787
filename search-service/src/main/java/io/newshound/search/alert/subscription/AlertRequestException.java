package io.newshound.search.alert.subscription;

/** A request about an alert that cannot be accepted: names the field (or parameter) and says what was wrong. */
public class AlertRequestException extends RuntimeException {

	private final String field;

	public AlertRequestException(String field, String message) {
		super(message);
		this.field = field;
	}

	public String getField() {
		return this.field;
	}

}
