package io.newshound.crawler.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * One thing to fetch.
 *
 * @param url absolute http(s) URL
 * @param accept the kind of document expected
 * @param allowPrivateAddresses whether the source may reach non-public addresses
 * @param validators validators of the copy we hold, to make the request conditional; never
 * {@code null}, {@link Validators#NONE} for none
 * @param checkRobots whether robots.txt is consulted (off only for robots.txt itself)
 */
public record FetchRequest(URI url, Accept accept, boolean allowPrivateAddresses, Validators validators,
		boolean checkRobots) {

	public FetchRequest {
		Objects.requireNonNull(url, "url");
		Objects.requireNonNull(accept, "accept");
		validators = (validators != null) ? validators : Validators.NONE;
	}

	public static FetchRequest of(URI url, Accept accept, boolean allowPrivateAddresses) {
		return new FetchRequest(url, accept, allowPrivateAddresses, Validators.NONE, true);
	}

	public FetchRequest withValidators(Validators validators) {
		return new FetchRequest(this.url, this.accept, this.allowPrivateAddresses, validators, this.checkRobots);
	}

}
