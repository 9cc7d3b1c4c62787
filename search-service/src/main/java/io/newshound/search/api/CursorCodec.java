package io.newshound.search.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Makes cursors opaque and tamper-evident: {@code base64url(JSON) "." base64url(HMAC-SHA256(JSON part))}. The
 * JSON holds {@code v} (format 1), {@code p} (point-in-time id), {@code a} (search-after values), {@code f} (query
 * fingerprint), {@code n} (reference time, epoch ms) and {@code e} (expiry, epoch s). A cursor that was altered,
 * signed with another key, expired or malformed is refused with a 400 naming {@code cursor}; its content is never
 * trusted before the signature checks out.
 */
class CursorCodec {

	static final int MAX_LENGTH = 4096;

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final JsonMapper json = JsonMapper.builder().build();

	private final SecretKeySpec key;

	private final Clock clock;

	/**
	 * @param secret the configured key, or empty for a random one (valid for this process only)
	 * @param clock decides when a cursor has expired
	 */
	CursorCodec(String secret, Clock clock) {
		byte[] keyBytes;
		if (secret == null || secret.isEmpty()) {
			keyBytes = new byte[32];
			new SecureRandom().nextBytes(keyBytes);
		}
		else {
			keyBytes = secret.getBytes(StandardCharsets.UTF_8);
		}
		this.key = new SecretKeySpec(keyBytes, ALGORITHM);
		this.clock = clock;
		sign("warm-up".getBytes(StandardCharsets.US_ASCII));
	}

	String encode(Cursor cursor) {
		ObjectNode node = this.json.createObjectNode();
		node.put("v", 1);
		node.put("p", cursor.pitId());
		ArrayNode after = node.putArray("a");
		for (Object value : cursor.searchAfter()) {
			if (value == null) {
				after.addNull();
			}
			else if (value instanceof Long number) {
				after.add(number.longValue());
			}
			else if (value instanceof Double number) {
				after.add(number.doubleValue());
			}
			else if (value instanceof Boolean bool) {
				after.add(bool.booleanValue());
			}
			else {
				after.add(value.toString());
			}
		}
		node.put("f", cursor.fingerprint());
		node.put("n", cursor.now().toEpochMilli());
		node.put("e", cursor.expiresAt().getEpochSecond());
		String payload = ENCODER.encodeToString(this.json.writeValueAsBytes(node));
		return payload + "." + ENCODER.encodeToString(sign(payload.getBytes(StandardCharsets.US_ASCII)));
	}

	/**
	 * Decodes and checks a cursor.
	 * @param text the {@code cursor} parameter
	 * @return the cursor
	 * @throws InvalidParameterException naming {@code cursor} when it is not one this service made, or has expired
	 */
	Cursor decode(String text) {
		if (text.length() > MAX_LENGTH) {
			throw garbled();
		}
		int dot = text.indexOf('.');
		if (dot <= 0 || dot != text.lastIndexOf('.')) {
			throw garbled();
		}
		String payload = text.substring(0, dot);
		byte[] signature;
		byte[] content;
		try {
			signature = DECODER.decode(text.substring(dot + 1));
			content = DECODER.decode(payload);
		}
		catch (IllegalArgumentException ex) {
			throw garbled();
		}
		if (!MessageDigest.isEqual(signature, sign(payload.getBytes(StandardCharsets.US_ASCII)))) {
			throw new InvalidParameterException("cursor",
					"was not issued by this service or was altered; search again without it");
		}
		Cursor cursor = parse(content);
		if (this.clock.instant().isAfter(cursor.expiresAt())) {
			throw expired();
		}
		return cursor;
	}

	static InvalidParameterException expired() {
		return new InvalidParameterException("cursor", "has expired; search again without it");
	}

	private Cursor parse(byte[] content) {
		try {
			JsonNode node = this.json.readTree(content);
			if (node.path("v").asInt() != 1 || !node.path("p").isString() || !node.path("a").isArray()) {
				throw garbled();
			}
			List<Object> after = new ArrayList<>();
			for (JsonNode value : node.path("a")) {
				if (value.isNull()) {
					after.add(null);
				}
				else if (value.isIntegralNumber()) {
					after.add(value.longValue());
				}
				else if (value.isNumber()) {
					after.add(value.doubleValue());
				}
				else if (value.isBoolean()) {
					after.add(value.booleanValue());
				}
				else {
					after.add(value.asString());
				}
			}
			return new Cursor(node.path("p").asString(), after, node.path("f").asString(),
					Instant.ofEpochMilli(node.path("n").asLong()), Instant.ofEpochSecond(node.path("e").asLong()));
		}
		catch (JacksonException ex) {
			throw garbled();
		}
	}

	private byte[] sign(byte[] payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac.doFinal(payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every JDK provides " + ALGORITHM, ex);
		}
	}

	private static InvalidParameterException garbled() {
		return new InvalidParameterException("cursor", "is not a cursor from a previous page ('nextCursor')");
	}

}
