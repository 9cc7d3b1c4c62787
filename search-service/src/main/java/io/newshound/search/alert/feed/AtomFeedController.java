package io.newshound.search.alert.feed;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import reactor.core.publisher.Mono;

import io.newshound.search.alert.AlertProperties;
import io.newshound.search.alert.delivery.AlertMatch;
import io.newshound.search.alert.matching.MatchClaims;
import io.newshound.search.alert.subscription.Alert;
import io.newshound.search.alert.subscription.AlertAccess;
import io.newshound.search.alert.subscription.AlertRequestException;
import io.newshound.search.alert.subscription.AlertsUnavailableException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/alerts/{id}/feed.atom?token=}: the alert's latest matches (newest first) as an Atom 1.0 feed, for
 * feed readers. Written with an XML stream writer, so every title and snippet is escaped. The self link leaves the
 * token out.
 */
@RestController
@ConditionalOnProperty(name = "newshound.alerts.enabled", matchIfMissing = true)
class AtomFeedController {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	private static final MediaType ATOM_XML = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final AlertAccess access;

	private final MatchClaims claims;

	private final AlertProperties properties;

	AtomFeedController(AlertAccess access, MatchClaims claims, AlertProperties properties) {
		this.access = access;
		this.claims = claims;
		this.properties = properties;
	}

	@GetMapping(path = "/api/alerts/{id}/feed.atom")
	Mono<ResponseEntity<String>> feed(@PathVariable String id, ServerHttpRequest request,
			@RequestParam(name = "size", required = false) String size) {
		Alert alert = this.access.authorize(id, request);
		int entries = size(size);
		return Mono.fromFuture(() -> this.claims.latest(alert.id(), entries))
			.onErrorMap((ex) -> new AlertsUnavailableException("The match history is unavailable; try again shortly.", ex))
			.map((matches) -> ResponseEntity.ok().contentType(ATOM_XML).body(atom(alert, matches)));
	}

	private int size(String size) {
		if (size == null || size.isBlank()) {
			return this.properties.feedSize();
		}
		try {
			int value = Integer.parseInt(size.strip());
			if (value >= 1 && value <= this.properties.maxFeedSize()) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new AlertRequestException("size", "must be a whole number from 1 to " + this.properties.maxFeedSize());
	}

	static String atom(Alert alert, List<AlertMatch> matches) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeStartElement("feed");
			xml.writeDefaultNamespace(ATOM);
			element(xml, "id", "urn:newshound:alert:" + alert.id());
			element(xml, "title", "Newshound alert: " + alert.name());
			element(xml, "subtitle", alert.query());
			Instant updated = matches.isEmpty() ? alert.updatedAt() : matches.get(0).matchedAt();
			element(xml, "updated", String.valueOf(updated));
			xml.writeEmptyElement("link");
			xml.writeAttribute("rel", "self");
			xml.writeAttribute("href", "/api/alerts/" + alert.id() + "/feed.atom");
			xml.writeStartElement("generator");
			xml.writeCharacters("Newshound");
			xml.writeEndElement();
			for (AlertMatch match : matches) {
				xml.writeStartElement("entry");
				element(xml, "id", "urn:newshound:article:" + match.articleId());
				element(xml, "title", match.title());
				xml.writeEmptyElement("link");
				xml.writeAttribute("href", match.url());
				element(xml, "updated", String.valueOf(match.matchedAt()));
				if (match.publishedAt() != null) {
					element(xml, "published", match.publishedAt().toString());
				}
				xml.writeStartElement("author");
				element(xml, "name", match.source());
				xml.writeEndElement();
				if (match.snippet() != null) {
					xml.writeStartElement("summary");
					xml.writeAttribute("type", "text");
					xml.writeCharacters(match.snippet());
					xml.writeEndElement();
				}
				xml.writeEndElement();
			}
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("writing XML to a string cannot fail", ex);
		}
		return out.toString();
	}

	private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters((text != null) ? text : "");
		xml.writeEndElement();
	}

}
