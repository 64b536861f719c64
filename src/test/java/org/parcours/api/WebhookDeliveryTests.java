package org.parcours.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.security.ApiTokens;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks end to end, with a real HTTP receiver on the loopback address: an administrator
 * subscribes; a change made over the API puts its event in the outbox in the change's
 * transaction; the dispatcher POSTs it signed (HMAC-SHA256 of timestamp and body under the
 * secret), records the receiver's 500 as an attempt, waits, sends it again and records the
 * delivery. The body carries ids, type and link only: no name, date of birth or number.
 */
@SpringBootTest
class WebhookDeliveryTests {

    private static final String SECRET = "a-shared-secret-of-the-receiver";

    @Autowired
    WebApplicationContext context;

    @Autowired
    IdempotencyFilter idempotency;

    @Autowired
    ApiTokens tokens;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    WebhookDeliveryPurge purge;

    @Autowired
    org.parcours.audit.AuditLog audit;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    private record Received(Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger(1);
    private HttpServer receiver;
    private final java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    private MockMvc mvc;
    private String worker;
    private String admin;

    @BeforeEach
    void setUp() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 200, -1);
            exchange.close();
        });
        receiver.createContext("/hold", exchange -> {
            held.countDown();
            try {
                release.await(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).addFilters(idempotency).build();
        worker = data.as(TestUsers.WORKER_NORTH, "WORKER", () -> tokens.create("webhook test")).token();
        admin = data.as(TestUsers.ADMIN, "ADMIN", () -> tokens.create("webhook test")).token();
    }

    @AfterEach
    void tearDown() {
        receiver.stop(0);
        jdbc.update("DELETE FROM webhook_subscription WHERE url LIKE 'http://127.0.0.1:%/hook'");
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token).contentType("application/json").content(body)).andReturn()
                .getResponse();
    }

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString());
    }

    @Test
    void aSubscribedEventIsSignedRetriedAfterA500AndDeliveredWithIdsOnly() throws Exception {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        String subscription = """
                {"url": "%s", "events": ["client.created", "client.closed"], "secret": "%s"}""".formatted(url, SECRET);
        assertThat(send(post("/api/webhooks"), worker, subscription).getStatus()).isEqualTo(403);
        MockHttpServletResponse subscribed = send(post("/api/webhooks"), admin, subscription);
        assertThat(subscribed.getStatus()).isEqualTo(201);
        long subscriptionId = body(subscribed).get("subscription").get("id").asLong();
        assertThat(mvc.perform(get("/api/webhooks").header("Authorization", "Bearer " + admin)).andReturn().getResponse()
                .getContentAsString()).contains(url).doesNotContain(SECRET);

        String lastName = "Crochet" + System.nanoTime();
        MockHttpServletResponse created = send(post("/api/clients"), worker, """
                {"firstName": "Webhook", "lastName": "%s", "birthDate": "1977-07-07", "teamId": %d}"""
                .formatted(lastName, data.teamId(TestUsers.TEAM_NORTH)));
        long clientId = body(created).get("id").asLong();
        // written with the change: the event and its pending delivery are there before anything is sent
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM webhook_delivery d JOIN api_event e ON e.id = d.event_id
                WHERE d.subscription_id = ? AND e.event_type = 'client.created' AND e.target_id = ? AND d.state = 'PENDING'""",
                Integer.class, subscriptionId, clientId)).isEqualTo(1);
        // an event of a type not subscribed to is logged (updated-since reads it) but not queued
        send(put("/api/clients/" + clientId), worker, """
                {"firstName": "Webhook", "lastName": "%s", "birthDate": "1977-07-07", "email": "w@example.org", "status": "FOLLOWED"}"""
                .formatted(lastName));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_event WHERE event_type = 'client.updated' AND target_id = ?",
                Integer.class, clientId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE subscription_id = ?", Integer.class, subscriptionId))
                .isEqualTo(1);

        awaitReceived(1);
        Map<String, Object> afterFailure = jdbc.queryForMap("SELECT state, attempts, next_attempt_at FROM webhook_delivery WHERE subscription_id = ?",
                subscriptionId);
        assertThat(afterFailure.get("state")).isEqualTo("PENDING");
        assertThat(afterFailure.get("attempts")).isEqualTo(1);
        assertThat(dispatcher.dispatchDue(Instant.now())).as("not due before its backoff").isZero();
        assertThat(received).hasSize(1);

        assertThat(dispatcher.dispatchDue(Instant.now().plus(Duration.ofHours(1)))).isEqualTo(1);
        assertThat(received).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT state FROM webhook_delivery WHERE subscription_id = ?", String.class, subscriptionId))
                .isEqualTo("DELIVERED");
        assertThat(jdbc.queryForList("""
                SELECT a.http_status FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
                WHERE d.subscription_id = ? ORDER BY a.id""", Integer.class, subscriptionId)).containsExactly(500, 200);

        Received delivered = received.get(1);
        assertThat(delivered.body()).isEqualTo(received.get(0).body());
        JsonNode payload = json.readTree(delivered.body());
        assertThat(payload.get("type").asString()).isEqualTo("client.created");
        assertThat(payload.get("target").get("id").asLong()).isEqualTo(clientId);
        assertThat(payload.get("link").asString()).isEqualTo("/api/clients/" + clientId);
        assertThat(delivered.body()).doesNotContain(lastName, "Webhook", "1977");
        String signature = delivered.header("Parcours-Signature");
        String timestamp = signature.substring(2, signature.indexOf(','));
        assertThat(signature).endsWith(",v1=" + WebhookDispatcher.sign(SECRET, timestamp + "." + delivered.body()));
        assertThat(signature).doesNotEndWith(",v1=" + WebhookDispatcher.sign("another secret", timestamp + "." + delivered.body()));
        assertThat(delivered.header("Parcours-Event-Type")).isEqualTo("client.created");

        JsonNode deliveries = body(mvc.perform(get("/api/webhooks/" + subscriptionId + "/deliveries")
                .header("Authorization", "Bearer " + admin)).andReturn().getResponse());
        assertThat(deliveries.get(0).get("state").asString()).isEqualTo("DELIVERED");
        assertThat(deliveries.get(0).get("attemptList").size()).isEqualTo(2);

        // closing is its own event type, which this subscription wants
        send(post("/api/clients/" + clientId + "/close"), worker, "{\"reason\": \"Fin du suivi\"}");
        awaitReceived(3);
        assertThat(json.readTree(received.get(2).body()).get("type").asString()).isEqualTo("client.closed");

        assertThat(mvc.perform(delete("/api/webhooks/" + subscriptionId).header("Authorization", "Bearer " + admin)).andReturn()
                .getResponse().getStatus()).isEqualTo(204);
    }

    @Test
    void aSubscriptionWithABadAddressOrUnknownEventIsRefusedWithPointers() throws Exception {
        MockHttpServletResponse refused = send(post("/api/webhooks"), admin, """
                {"url": "ftp://example.org/x", "events": ["client.created", "client.exploded"]}""");
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(body(refused).get("errors").valueStream().map(e -> e.get("pointer").asString()).toList())
                .containsExactly("/url", "/events/1");
    }

    @Test
    void theEventAndItsPendingDeliveryAreWrittenInTheChangesTransactionAndRolledBackWithIt() {
        jdbc.update("INSERT INTO webhook_subscription (url, events, secret, active, created_at, created_by) "
                + "VALUES ('http://127.0.0.1:9/hook', 'client.created', 'a-secret-for-the-rollback-test', TRUE, NOW(6), 'admin')");
        long subscription = jdbc.queryForObject("SELECT MAX(id) FROM webhook_subscription", Long.class);
        long client = 900_000_000L + System.nanoTime() % 1_000_000;
        String events = "SELECT COUNT(*) FROM api_event WHERE event_type = 'client.created' AND target_id = ?";
        String deliveries = "SELECT COUNT(*) FROM webhook_delivery d JOIN api_event e ON e.id = d.event_id "
                + "WHERE d.subscription_id = ? AND e.target_id = ? AND d.state = 'PENDING'";
        try {
            new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
                audit.record(TestUsers.ADMIN, org.parcours.audit.AuditAction.CLIENT_CREATED, "client", client, "a change that fails later");
                // seen by the change's own transaction before it commits: not written after the commit, nor by another thread
                assertThat(jdbc.queryForObject(events, Integer.class, client)).isEqualTo(1);
                assertThat(jdbc.queryForObject(deliveries, Integer.class, subscription, client)).isEqualTo(1);
                status.setRollbackOnly();
            });
            // and gone with its rollback: not written in a transaction of its own
            assertThat(jdbc.queryForObject(events, Integer.class, client)).isZero();
            assertThat(jdbc.queryForObject(deliveries, Integer.class, subscription, client)).isZero();
        } finally {
            jdbc.update("DELETE FROM webhook_subscription WHERE id = ?", subscription);
        }
    }

    @Test
    void deliveriesDeliveredLongerAgoThanTheRetentionAreDeletedWithTheirAttemptsAndNothingElse() {
        jdbc.update("INSERT INTO webhook_subscription (url, events, secret, active, created_at, created_by) "
                + "VALUES ('http://127.0.0.1:9/hook', 'client.created', 'a-secret-for-the-purge-test', FALSE, NOW(6), 'admin')");
        long subscription = jdbc.queryForObject("SELECT MAX(id) FROM webhook_subscription", Long.class);
        Instant now = Instant.now();
        long old = delivery(subscription, "DELIVERED", now.minus(Duration.ofDays(31)));
        long recent = delivery(subscription, "DELIVERED", now.minus(Duration.ofDays(29)));
        long pending = delivery(subscription, "PENDING", null);
        long failed = delivery(subscription, "FAILED", null);
        jdbc.update("INSERT INTO webhook_attempt (delivery_id, attempted_at, http_status) VALUES (?, NOW(6), 200)", old);
        try {
            assertThat(purge.purge(now)).isGreaterThanOrEqualTo(1);
            assertThat(jdbc.queryForList("SELECT id FROM webhook_delivery WHERE subscription_id = ? ORDER BY id", Long.class, subscription))
                    .containsExactly(recent, pending, failed);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_attempt WHERE delivery_id = ?", Integer.class, old)).isZero();
            // the events stay: updated-since reads them
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_event e JOIN webhook_delivery d ON d.event_id = e.id "
                    + "WHERE d.subscription_id = ?", Integer.class, subscription)).isEqualTo(3);
            assertThat(purge.purge(now)).as("nothing more to delete").isZero();
        } finally {
            jdbc.update("DELETE FROM webhook_subscription WHERE id = ?", subscription);
        }
    }

    @Test
    void aDeliveryBeingSentIsClaimedOnlyForTwoTimeoutsAndAMarginSoThatADeadSendersDeliveryIsSoonDueAgain() throws Exception {
        jdbc.update("INSERT INTO webhook_subscription (url, events, secret, active, created_at, created_by) VALUES (?, 'client.created', "
                + "'a-secret-for-the-claim-test', TRUE, NOW(6), 'admin')", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hold");
        long subscription = jdbc.queryForObject("SELECT MAX(id) FROM webhook_subscription", Long.class);
        long delivery = delivery(subscription, "PENDING", null);
        Thread sender = Thread.ofPlatform().start(() -> dispatcher.dispatchDue(Instant.now()));
        try {
            assertThat(held.await(30, java.util.concurrent.TimeUnit.SECONDS)).as("the receiver got the delivery").isTrue();
            Instant claimedUntil = jdbc.queryForObject("SELECT next_attempt_at FROM webhook_delivery WHERE id = ?", java.sql.Timestamp.class,
                    delivery).toInstant();
            // a sender killed now leaves this claim: with the 10 s timeout, the delivery is due again within 50 s, not minutes
            assertThat(claimedUntil).isBefore(Instant.now().plus(Duration.ofSeconds(55)));
            assertThat(claimedUntil).isAfter(Instant.now().plus(Duration.ofSeconds(20)));
        } finally {
            release.countDown();
            sender.join(Duration.ofSeconds(30));
            jdbc.update("DELETE FROM webhook_subscription WHERE id = ?", subscription);
        }
    }

    private long delivery(long subscription, String state, Instant deliveredAt) {
        jdbc.update("INSERT INTO api_event (event_type, target_type, target_id, occurred_at) VALUES ('client.created', 'client', 0, NOW(6))");
        long event = jdbc.queryForObject("SELECT MAX(id) FROM api_event", Long.class);
        jdbc.update("INSERT INTO webhook_delivery (subscription_id, event_id, state, attempts, next_attempt_at, delivered_at) "
                        + "VALUES (?, ?, ?, 1, NOW(6) - INTERVAL 40 DAY, ?)", subscription, event, state,
                deliveredAt == null ? null : java.sql.Timestamp.from(deliveredAt));
        return jdbc.queryForObject("SELECT MAX(id) FROM webhook_delivery", Long.class);
    }

    /** Runs the dispatcher (as its schedule would) until the receiver has had {@code count} requests; at most 20 seconds. */
    private void awaitReceived(int count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (received.size() < count && System.nanoTime() < end) {
            dispatcher.dispatchDue(Instant.now());
            if (received.size() < count) {
                Thread.sleep(100);
            }
        }
        assertThat(received).hasSize(count);
    }
}
