package io.newshound.search.alert.subscription;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletionException;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/alerts}: create, read, change and delete alerts. Every call but creation needs the alert's token
 * ({@link AlertAccess}). Writes go to Kafka and answer when Kafka acknowledged them; the checks that resolve a
 * webhook's host run on the bounded-elastic scheduler.
 */
@RestController
@ConditionalOnProperty(name = "newshound.alerts.enabled", matchIfMissing = true)
class AlertController {

	private final AlertStore store;

	private final AlertAccess access;

	private final AlertRequests requests;

	private final Clock clock;

	private final int maxAlerts;

	AlertController(AlertStore store, AlertAccess access, AlertRequests requests, AlertControllerSettings settings) {
		this.store = store;
		this.access = access;
		this.requests = requests;
		this.clock = settings.clock();
		this.maxAlerts = settings.maxAlerts();
	}

	@PostMapping(path = "/api/alerts", consumes = "application/json")
	Mono<ResponseEntity<AlertView>> create(@RequestBody Map<String, Object> body) {
		return Mono.fromCallable(() -> prepare(body))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((prepared) -> save(prepared.alert())
				.map((saved) -> ResponseEntity.created(URI.create("/api/alerts/" + saved.id()))
					.body(AlertView.of(saved, prepared.token(), true))));
	}

	private record Prepared(Alert alert, String token) {
	}

	private Prepared prepare(Map<String, Object> body) {
		if (!this.store.loaded()) {
			throw new AlertsUnavailableException("Alerts are loading; try again shortly.", null);
		}
		if (this.store.size() >= this.maxAlerts) {
			throw new TooManyAlertsException(this.maxAlerts);
		}
		String token = AlertTokens.newToken();
		String name = this.requests.name(body.get("name"));
		String query = this.requests.query(body.get("query"));
		var sources = this.requests.values("source", body.get("source"));
		var tags = this.requests.values("tag", body.get("tag"));
		String lang = this.requests.language(body.get("lang"));
		boolean once = this.requests.flag("oncePerStory", body.get("oncePerStory"), false);
		boolean paused = this.requests.flag("paused", body.get("paused"), false);
		String url = this.requests.webhookUrl(body.get("webhook"));
		var now = this.clock.instant();
		Alert alert = new Alert(AlertTokens.newId(), AlertTokens.hash(token), name, query, sources, tags, lang, once,
				paused, now, now, (url != null) ? Alert.Webhook.active(url, AlertTokens.newSecret()) : null);
		return new Prepared(alert, token);
	}

	/** Creation refused: the deployment holds its most alerts. */
	static final class TooManyAlertsException extends RuntimeException {

		TooManyAlertsException(int max) {
			super("This deployment holds " + max + " alerts, its limit; delete some first.");
		}

	}

	@GetMapping("/api/alerts/{id}")
	AlertView get(@PathVariable String id, ServerHttpRequest request) {
		return AlertView.of(this.access.authorize(id, request), null, false);
	}

	@PatchMapping(path = "/api/alerts/{id}", consumes = { "application/json", "application/merge-patch+json" })
	Mono<AlertView> patch(@PathVariable String id, ServerHttpRequest request, @RequestBody Map<String, Object> body) {
		Alert current = this.access.authorize(id, request);
		return Mono.fromCallable(() -> changed(current, body))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((changed) -> save(changed.alert())
				.map((saved) -> AlertView.of(saved, null, changed.newSecret())));
	}

	@DeleteMapping("/api/alerts/{id}")
	Mono<ResponseEntity<Void>> delete(@PathVariable String id, ServerHttpRequest request) {
		Alert alert = this.access.authorize(id, request);
		return Mono.fromFuture(() -> this.store.delete(alert.id()))
			.onErrorMap((ex) -> new AlertsUnavailableException("Kafka did not take the deletion; try again.", ex))
			.thenReturn(ResponseEntity.noContent().build());
	}

	private record Changed(Alert alert, boolean newSecret) {
	}

	private Changed changed(Alert alert, Map<String, Object> body) {
		String name = body.containsKey("name") ? this.requests.name(body.get("name")) : alert.name();
		String query = body.containsKey("query") ? this.requests.query(body.get("query")) : alert.query();
		var sources = body.containsKey("source") ? this.requests.values("source", body.get("source")) : alert.sources();
		var tags = body.containsKey("tag") ? this.requests.values("tag", body.get("tag")) : alert.tags();
		String lang = body.containsKey("lang") ? this.requests.language(body.get("lang")) : alert.language();
		boolean paused = this.requests.flag("paused", body.get("paused"), alert.paused());
		boolean once = this.requests.flag("oncePerStory", body.get("oncePerStory"), alert.oncePerStory());
		Alert.Webhook webhook = alert.webhook();
		boolean newSecret = false;
		if (body.containsKey("webhook")) {
			String url = this.requests.webhookUrl(body.get("webhook"));
			if (url == null) {
				webhook = null;
			}
			else if (webhook != null && webhook.url().equals(url)) {
				// the same receiver keeps its secret; setting it again turns a disabled webhook back on
				webhook = Alert.Webhook.active(url, webhook.secret());
			}
			else {
				webhook = Alert.Webhook.active(url, AlertTokens.newSecret());
				newSecret = true;
			}
		}
		return new Changed(new Alert(alert.id(), alert.tokenHash(), name, query, sources, tags, lang, once, paused,
				alert.createdAt(), this.clock.instant(), webhook), newSecret);
	}

	private Mono<Alert> save(Alert alert) {
		return Mono.fromFuture(() -> this.store.save(alert))
			.onErrorMap((ex) -> new AlertsUnavailableException("Kafka did not take the alert; try again.",
					(ex instanceof CompletionException) ? ex.getCause() : ex));
	}

}
