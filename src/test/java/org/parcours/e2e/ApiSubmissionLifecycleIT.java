package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.catalog.FormCatalog;
import org.parcours.formdef.BindingRole;
import org.parcours.security.ApiTokens;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integrator's whole round over real HTTP, with the API only: it creates a client, keeps an
 * IMASP measurement as a draft, changes it (a change based on an old version is refused with
 * 412), submits it with its measurement date and retries that submission with the same
 * Idempotency-Key (one submitted revision, one audit row), and is told by a signed webhook,
 * which the scheduled dispatcher sends again after the receiver's first answer (500) and then
 * never more. The dispatcher runs on its own schedule here (every second, retries after two).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parcours.webhooks.interval=PT1S", "parcours.webhooks.retry-base=2s"})
class ApiSubmissionLifecycleIT {

    private static final String SECRET = "the-receiver-s-own-secret";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    FormCatalog catalog;

    private record Received(String eventType, String signature, String body) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger(1);
    private HttpServer receiver;

    @BeforeEach
    void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/parcours-hook", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("Parcours-Event-Type"),
                    exchange.getRequestHeaders().getFirst("Parcours-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(failuresLeft.getAndDecrement() > 0 ? 500 : 200, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void createDraftChangeSubmitWithAMeasurementDateRetryAndBeToldOnceBySignedWebhook() throws Exception {
        String worker = data.as(TestUsers.WORKER_NORTH, "WORKER", () -> tokens.create("crm")).token();
        String admin = data.as(TestUsers.ADMIN, "ADMIN", () -> tokens.create("crm admin")).token();
        String hookUrl = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/parcours-hook";

        HttpResponse<String> subscribed = send("POST", "/api/webhooks", admin, Map.of("Idempotency-Key", "hook-1"), """
                {"url": "%s", "events": ["submission.submitted"], "secret": "%s"}""".formatted(hookUrl, SECRET));
        assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
        long subscriptionId = json.readTree(subscribed.body()).get("subscription").get("id").asLong();

        // a client
        String lastName = "Integrator" + System.nanoTime();
        HttpResponse<String> client = send("POST", "/api/clients", worker, Map.of("Idempotency-Key", "client-" + lastName), """
                {"firstName": "Jeanne", "lastName": "%s", "birthDate": "1980-05-17", "teamId": %d}"""
                .formatted(lastName, data.teamId(TestUsers.TEAM_NORTH)));
        assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
        long clientId = json.readTree(client.body()).get("id").asLong();

        // an IMASP draft
        HttpResponse<String> draft = send("POST", "/api/evaluations/drafts", worker, Map.of("Idempotency-Key", "draft-" + lastName), """
                {"clientId": %d, "formKey": "imasp", "answers": {"illness": "C"}}""".formatted(clientId));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        long evaluationId = json.readTree(draft.body()).get("id").asLong();
        String created = draft.headers().firstValue("ETag").orElseThrow();
        assertThat(json.readTree(draft.body()).get("measuredOn").isNull()).isTrue();

        // changed under If-Match; a second change from the same old version is refused
        HttpResponse<String> changed = send("PUT", "/api/evaluations/" + evaluationId, worker, Map.of("If-Match", created), """
                {"answers": {"illness": "B"}}""");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        String current = changed.headers().firstValue("ETag").orElseThrow();
        assertThat(current).isNotEqualTo(created);
        HttpResponse<String> stale = send("PUT", "/api/evaluations/" + evaluationId, worker, Map.of("If-Match", created), """
                {"answers": {"illness": "A"}}""");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(stale.body()).get("type").asString()).isEqualTo("urn:parcours:problem:precondition-failed");

        // a measurement date that is no date is refused at its pointer, in the caller's language, and nothing changes
        HttpResponse<String> badDate = send("POST", "/api/evaluations/" + evaluationId + "/submit", worker,
                Map.of("If-Match", current, "Idempotency-Key", "bad-date-" + lastName, "Accept-Language", "fr"), """
                {"measuredOn": "2026-02-30"}""");
        assertThat(badDate.statusCode()).as(badDate.body()).isEqualTo(422);
        JsonNode badProblem = json.readTree(badDate.body());
        assertThat(badProblem.get("type").asString()).isEqualTo("urn:parcours:problem:validation");
        assertThat(badProblem.get("errors").get(0).get("pointer").asString()).isEqualTo("/measuredOn");
        assertThat(badProblem.get("errors").get(0).get("message").asString()).contains("2026-02-30", "année-mois-jour");
        assertThat(get("/api/evaluations/" + evaluationId, worker).headers().firstValue("ETag")).contains(current);

        // submitted with its measurement date, then the same POST sent again with the same key
        LocalDate measuredOn = LocalDate.now().minusDays(9);
        String submitBody = "{\"measuredOn\": \"" + measuredOn + "\"}";
        Map<String, String> submitHeaders = Map.of("If-Match", current, "Idempotency-Key", "submit-" + lastName);
        Instant beforeSubmit = Instant.now().minusSeconds(1);
        HttpResponse<String> submitted = send("POST", "/api/evaluations/" + evaluationId + "/submit", worker, submitHeaders, submitBody);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
        JsonNode evaluation = json.readTree(submitted.body());
        assertThat(evaluation.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(evaluation.get("measuredOn").asString()).isEqualTo(measuredOn.toString());
        String dateItem = catalog.current("imasp").definition().requireBound(BindingRole.MEASUREMENT_DATE);
        assertThat(evaluation.get("answers").get(dateItem).asString()).as("stored as the bound item's answer").isEqualTo(measuredOn.toString());

        HttpResponse<String> retried = send("POST", "/api/evaluations/" + evaluationId + "/submit", worker, submitHeaders, submitBody);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(json.readTree(retried.body())).isEqualTo(evaluation);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission_revision WHERE submission_id = ? AND status = 'SUBMITTED'",
                Integer.class, evaluationId)).isEqualTo(1);
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "evaluation", evaluationId))
                .filteredOn("EVALUATION_SUBMITTED"::equals).hasSize(1);

        // read back: the evaluation and the form's submissions carry the measurement date
        HttpResponse<String> read = get("/api/evaluations/" + evaluationId, worker);
        assertThat(json.readTree(read.body()).get("measuredOn").asString()).isEqualTo(measuredOn.toString());
        HttpResponse<String> list = get("/api/forms/imasp/submissions?updated-since=" + beforeSubmit, worker);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        JsonNode listed = json.readTree(list.body()).valueStream().filter(s -> s.get("id").asLong() == evaluationId).findFirst().orElseThrow();
        assertThat(listed.get("measuredOn").asString()).isEqualTo(measuredOn.toString());

        // the webhook: refused once by the receiver (500), sent again by the scheduler, then never more
        awaitDeliveries(subscriptionId, Duration.ofSeconds(30));
        Thread.sleep(Duration.ofSeconds(4));
        List<Received> ours = received.stream().filter(r -> targetId(r) == evaluationId).toList();
        assertThat(ours).hasSize(2);
        assertThat(received).hasSize(2);
        assertThat(jdbc.queryForList("""
                SELECT a.http_status FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id
                WHERE d.subscription_id = ? ORDER BY a.id""", Integer.class, subscriptionId)).containsExactly(500, 200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM webhook_delivery WHERE subscription_id = ? AND state = 'DELIVERED'",
                Integer.class, subscriptionId)).isEqualTo(1);

        Received delivered = ours.get(1);
        assertThat(delivered.body()).isEqualTo(ours.get(0).body());
        assertThat(delivered.eventType()).isEqualTo("submission.submitted");
        JsonNode payload = json.readTree(delivered.body());
        assertThat(payload.get("type").asString()).isEqualTo("submission.submitted");
        assertThat(payload.get("target").get("type").asString()).isEqualTo("evaluation");
        assertThat(payload.get("link").asString()).isEqualTo("/api/evaluations/" + evaluationId);
        assertThat(delivered.body()).doesNotContain(lastName, "Jeanne", "1980", measuredOn.toString());
        // the receiver's own check: t=<seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>
        String timestamp = delivered.signature().substring("t=".length(), delivered.signature().indexOf(','));
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp))).isLessThan(120);
        assertThat(delivered.signature()).isEqualTo("t=" + timestamp + ",v1=" + hmac(SECRET, timestamp + "." + delivered.body()));
        assertThat(delivered.signature()).doesNotEndWith("v1=" + hmac("another secret", timestamp + "." + delivered.body()));

        assertThat(send("DELETE", "/api/webhooks/" + subscriptionId, admin, Map.of(), null).statusCode()).isEqualTo(204);
    }

    private long targetId(Received r) {
        return json.readTree(r.body()).get("target").get("id").asLong();
    }

    private void awaitDeliveries(long subscriptionId, Duration atMost) throws InterruptedException {
        long end = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < end && jdbc.queryForObject(
                "SELECT COUNT(*) FROM webhook_delivery WHERE subscription_id = ? AND state = 'DELIVERED'", Integer.class, subscriptionId) == 0) {
            Thread.sleep(200);
        }
    }

    private static String hmac(String secret, String text) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> get(String path, String token) {
        return send("GET", path, token, Map.of(), null);
    }

    private HttpResponse<String> send(String method, String path, String token, Map<String, String> headers, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
