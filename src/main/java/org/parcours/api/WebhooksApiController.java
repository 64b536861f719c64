package org.parcours.api;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions and their deliveries, for administrators (docs/api.md, "Webhooks"). */
@RestController
@RequestMapping(path = "/api/webhooks", produces = "application/json")
@Tag(name = "webhooks")
class WebhooksApiController {

    private final WebhookSubscriptions subscriptions;

    WebhooksApiController(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** {@code secret}: optional; without it one is made. Either way it is answered once, in the creation's response. */
    record NewSubscription(String url, List<String> events, String secret) {
    }

    @Operation(summary = "Registers a subscription: the address, the event types, the signing secret (shown only in this answer)")
    @PostMapping(consumes = "application/json")
    ResponseEntity<WebhookSubscriptions.Created> create(@RequestBody NewSubscription input) {
        WebhookSubscriptions.Created created = subscriptions.create(input.url(), input.events(), input.secret());
        return ResponseEntity.created(URI.create("/api/webhooks/" + created.subscription().id())).body(created);
    }

    @Operation(summary = "The subscriptions (without their secrets)")
    @GetMapping
    List<WebhookSubscriptions.Subscription> list() {
        return subscriptions.list();
    }

    @Operation(summary = "Removes a subscription and its pending deliveries")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable("id") long id) {
        subscriptions.remove(id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The last 100 deliveries of a subscription with their attempts (HTTP status or error)")
    @GetMapping("/{id}/deliveries")
    List<WebhookSubscriptions.Delivery> deliveries(@PathVariable("id") long id) {
        return subscriptions.deliveries(id);
    }
}
