package io.newshound.search.alert.subscription;

/** No alert with this id and token: the id is unknown, or the token missing or wrong (deliberately not said which). */
public class AlertNotFoundException extends RuntimeException {

	public AlertNotFoundException() {
		super("No alert with this id and token", null, false, false);
	}

}
