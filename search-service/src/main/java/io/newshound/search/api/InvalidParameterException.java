package io.newshound.search.api;

/** A request parameter that cannot be used as given; answered 400 with the parameter named. */
class InvalidParameterException extends RuntimeException {

	private final String parameter;

	InvalidParameterException(String parameter, String reason) {
		super(reason);
		this.parameter = parameter;
	}

	String getParameter() {
		return this.parameter;
	}

}
