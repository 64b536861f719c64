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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parcours.bench.ForkedApp;
import org.parcours.testsupport.TestDatabaseEnvironmentPostProcessor;
import org.parcours.testsupport.TestUsers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fault harness of the webhook outbox (docs/decisions/0020): the application in its own JVM, on
 * its own schema kept across restarts, has an administrator's subscription to
 * {@code submission.submitted} pointing at a receiver on the loopback address. IMASP evaluations
 * are submitted over the API and the application is killed with SIGKILL twice: once while
 * submissions and deliveries are both in flight, once while the receiver holds its requests (every
 * submission committed, their deliveries not done). After the last start the outbox must drain,
 * and then every submission the database holds as submitted (so every acknowledged one) has had
 * its event accepted by the receiver at least once with a valid signature, no event names an
 * evaluation that was not committed, and a repeated event comes with the same event and delivery
 * ids. An outbox written outside the change's transaction (after the commit, or from memory)
 * loses the events of the submissions committed just before a kill; the first check catches it.
 * Runs with -Pfaults.
 */
@Tag("faults")
class WebhookOutboxKillIT {

    private static final long SEED = 2512;
    private static final String WORKER = "demo" + SEED + "-t1w1";
    private static final String SECRET = "the-outbox-harness-receiver-secret";
    /** round 1: submissions sent while deliveries flow; the kill comes once some of both are done */
    private static final int FIRST_ROUND = 25;
    /** round 2: submissions all committed while the receiver holds its requests, then the kill */
    private static final int SECOND_ROUND = 15;
    private static final int SENDERS = 4;
    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration DRAIN = Duration.ofMinutes(5);
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
    /** the dispatcher as a busy installation would set it, with short waits so the harness ends */
    private static final List<String> WEBHOOK_SETTINGS = List.of("--parcours.webhooks.interval=PT1S",
            "--parcours.webhooks.retry-base=1s", "--parcours.webhooks.retry-max=4s", "--parcours.webhooks.timeout=5s");

    /** One request that reached the receiver. */
    private record Received(long deliveryId, long eventId, String eventType, String targetType, long targetId, boolean signed,
                            boolean bodyHasIdsOnly, String body, boolean accepted) {
    }

    /** One submission: its answer (201, another status, or -1 for a connection cut by the kill) and id. */
    private record Sent(int round, int index, int status, long evaluationId) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger badRequests = new AtomicInteger();
    /** while set, the receiver holds each request until released, then answers 503 */
    private final AtomicBoolean holding = new AtomicBoolean();
    private final AtomicReference<CountDownLatch> release = new AtomicReference<>(new CountDownLatch(1));
    private final AtomicInteger held = new AtomicInteger();

    @Test
    void noCommittedSubmissionLosesItsWebhookWhenTheApplicationIsKilledBetweenCommitAndDelivery() throws Exception {
        String schema = "test_run_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")) + "_outbox";
        String server = System.getenv().getOrDefault("PARCOURS_TEST_DB_URL", "jdbc:mariadb://127.0.0.1:3306/");
        List<String> jvm = List.of("-Xmx768m", "-D" + TestDatabaseEnvironmentPostProcessor.KEPT_SCHEMA + "=" + schema);
        HttpServer receiver = receiver();
        List<String> figures = new ArrayList<>();
        List<Sent> all = new ArrayList<>();
        ForkedApp app = null;
        try {
            List<String> firstStart = new ArrayList<>(WEBHOOK_SETTINGS);
            firstStart.addAll(List.of("--parcours.demo.generate=" + SEED, "--parcours.demo.teams=1", "--parcours.demo.workers-per-team=1",
                    "--parcours.demo.clients-per-team=10", "--parcours.demo.years=1"));
            app = ForkedApp.start("outbox-app-", jvm, firstStart, Map.of(), "==== Parcours demo data (seed " + SEED + ")", START);
            String worker = "pct_outbox_w" + Long.toHexString(new Random().nextLong());
            String admin = "pct_outbox_a" + Long.toHexString(new Random().nextLong());
            List<Long> clients;
            long demoEvaluations;
            try (Connection db = DriverManager.getConnection(server + schema, "root", "")) {
                long workerId = KillDuringSubmissionsIT.insertToken(db, WORKER, worker);
                KillDuringSubmissionsIT.insertToken(db, TestUsers.ADMIN, admin);
                clients = longs(db, "SELECT c.id FROM client c JOIN app_user_team ut ON ut.team_id = c.team_id WHERE ut.user_id = "
                        + workerId + " ORDER BY c.id");
                demoEvaluations = longs(db, "SELECT COALESCE(MAX(id), 0) FROM submission").getFirst();
            }
            assertThat(clients).isNotEmpty();
            subscribe(app, admin, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            List<String> factors = KillDuringSubmissionsIT.imaspFactors();
            long began = System.nanoTime();

            // kill 1: submissions and deliveries both in flight
            Round first = submit(app, worker, 1, FIRST_ROUND, clients, factors,
                    () -> accepted() >= 3, Duration.ofMillis(400));
            all.addAll(first.sent());
            figures.add(String.format("kill 1 (deliveries flowing): %d attempted, %d acknowledged, %d in flight, %d deliveries accepted before it",
                    FIRST_ROUND, first.acknowledged(), first.inFlight(), first.acceptedAtKill()));
            assertThat(first.inFlight()).as("submissions in flight at the first kill").isPositive();
            assertThat(first.acceptedAtKill()).as("deliveries accepted before the first kill").isPositive();
            app = ForkedApp.start("outbox-app-", jvm, WEBHOOK_SETTINGS, Map.of(), "Started ParcoursApplication", START);

            // kill 2: every submission of the round committed, the receiver holding the deliveries
            holding.set(true);
            Round second = submit(app, worker, 2, SECOND_ROUND, clients, factors, () -> false, Duration.ofMillis(100));
            all.addAll(second.sent());
            int undelivered;
            try (Connection db = DriverManager.getConnection(server + schema, "root", "")) {
                undelivered = longs(db, "SELECT COUNT(*) FROM webhook_delivery WHERE state <> 'DELIVERED'").getFirst().intValue();
            }
            figures.add(String.format("kill 2 (receiver holding %d requests): %d attempted, %d acknowledged, %d deliveries not done at the kill",
                    second.heldAtKill(), SECOND_ROUND, second.acknowledged(), undelivered));
            assertThat(second.heldAtKill()).as("requests held by the receiver at the second kill").isPositive();
            assertThat(undelivered).as("committed submissions whose delivery was not done at the second kill")
                    .isGreaterThanOrEqualTo(second.acknowledged() - 1);
            holding.set(false);
            release.get().countDown();
            long restarted = System.nanoTime();
            app = ForkedApp.start("outbox-app-", jvm, WEBHOOK_SETTINGS, Map.of(), "Started ParcoursApplication", START);
            long started = System.nanoTime();

            try (Connection db = DriverManager.getConnection(server + schema, "root", "")) {
                Set<Long> committed = new TreeSet<>(longs(db, "SELECT s.id FROM submission s JOIN submission_revision r ON r.submission_id = s.id "
                        + "WHERE s.kind = 'EVALUATION' AND s.created_by = '" + WORKER + "' AND s.id > " + demoEvaluations
                        + " AND r.status = 'SUBMITTED'"));
                long end = System.nanoTime() + DRAIN.toNanos();
                while (System.nanoTime() < end && !(drained(db) && acceptedTargets().containsAll(committed))) {
                    Thread.sleep(500);
                }
                long drainedAt = System.nanoTime();
                String state = longs(db, "SELECT COUNT(*) FROM webhook_delivery WHERE state = 'PENDING'").getFirst() + " pending, "
                        + longs(db, "SELECT COUNT(*) FROM webhook_delivery WHERE state = 'FAILED'").getFirst() + " failed; shedlock "
                        + strings(db, "SELECT CONCAT(name, ' until ', lock_until, ' by ', locked_by, ', now ', UTC_TIMESTAMP(6)) FROM shedlock "
                        + "WHERE name = 'webhooks'");
                figures.add(check(db, all, committed, demoEvaluations, state));
                figures.add(String.format("drained %.0f s after the last start was ready (%.0f s after the last kill, the start included)",
                        (drainedAt - started) / 1e9, (drainedAt - restarted) / 1e9));
                figures.add(String.format("whole harness %.0f s", (drainedAt - began) / 1e9));
            }
        } finally {
            release.get().countDown();
            if (app != null) {
                app.close();
            }
            receiver.stop(0);
            try (Connection db = DriverManager.getConnection(server, "root", ""); Statement st = db.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS `" + schema + "`");
            }
        }
        System.out.println("webhook outbox kill -9 harness:\n  " + String.join("\n  ", figures));
    }

    /** What the receiver and the database hold once drained, against what was committed. */
    private String check(Connection db, List<Sent> all, Set<Long> committed, long demoEvaluations, String state) throws Exception {
        List<Received> accepted = received.stream().filter(Received::accepted).toList();
        Set<Long> acceptedTargets = acceptedTargets();
        List<Long> acknowledged = all.stream().filter(s -> s.status() == 201).map(Sent::evaluationId).toList();
        assertThat(badRequests.get()).as("requests the receiver could not read").isZero();
        assertThat(received).as("every request signed with the subscription's secret").allMatch(Received::signed);
        assertThat(received).as("bodies with ids, type, time and link only").allMatch(Received::bodyHasIdsOnly);
        assertThat(committed).as("every acknowledged submission is committed").containsAll(acknowledged);
        assertThat(drained(db)).as("outbox drained within %s of the last start (%s)", DRAIN, state).isTrue();
        assertThat(new TreeSet<>(committed).stream().filter(id -> !acceptedTargets.contains(id)).toList())
                .as("committed submissions (%d, %d of them acknowledged) whose event no receiver accepted", committed.size(), acknowledged.size())
                .isEmpty();
        assertThat(acceptedTargets.stream().filter(id -> !committed.contains(id)).toList())
                .as("events for evaluations that were not committed").isEmpty();
        assertThat(received).as("only the subscribed type, about evaluations")
                .allMatch(r -> r.eventType().equals("submission.submitted") && r.targetType().equals("evaluation"));
        // a repeated delivery is the same delivery: same ids, same body, so a receiver drops it by id
        Map<Long, Set<String>> byEvent = received.stream().collect(Collectors.groupingBy(Received::eventId,
                Collectors.mapping(r -> r.deliveryId() + " " + r.targetId() + " " + r.body(), Collectors.toSet())));
        assertThat(byEvent.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList())
                .as("events sent with different delivery ids, targets or bodies").isEmpty();
        Map<Long, Long> eventsPerTarget = received.stream().collect(Collectors.groupingBy(Received::targetId,
                Collectors.collectingAndThen(Collectors.mapping(Received::eventId, Collectors.toSet()), s -> (long) s.size())));
        assertThat(eventsPerTarget.values()).as("one event per submission").allMatch(n -> n == 1);
        // the database agrees: one event per committed submission, and nothing else
        List<Long> eventTargets = longs(db, "SELECT target_id FROM api_event WHERE event_type = 'submission.submitted' "
                + "AND target_type = 'evaluation' AND target_id > " + demoEvaluations + " ORDER BY target_id");
        assertThat(eventTargets).as("api_event rows of the harness's submissions").containsExactlyElementsOf(committed);
        long duplicates = accepted.size() - accepted.stream().map(Received::eventId).distinct().count();
        return String.format("%d submissions attempted, %d acknowledged, %d committed (%d refused or cut by a kill, not committed), %d delivered (accepted), "
                        + "%d duplicates (same delivery id), %d requests received in all (%d held or refused), %d kills",
                all.size(), acknowledged.size(), committed.size(), all.size() - committed.size(), acceptedTargets.size(), duplicates,
                received.size(), received.size() - accepted.size(), 2);
    }

    private record Round(List<Sent> sent, int acknowledged, int inFlight, int acceptedAtKill, int heldAtKill) {
    }

    /**
     * Sends {@code count} submissions from {@link #SENDERS} threads, each pausing {@code pause}
     * between its requests, and kills the application once {@code killWhen} holds after half of
     * them were acknowledged, or else once every request has its answer and the receiver holds one.
     */
    private Round submit(ForkedApp app, String token, int round, int count, List<Long> clients, List<String> factors,
                         BooleanSupplier killWhen, Duration pause) throws Exception {
        Random random = new Random(SEED * 31 + round);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        List<Sent> sent = new CopyOnWriteArrayList<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> answers = new TreeMap<>();
            for (String factor : factors) {
                answers.put(factor, String.valueOf("ABC".charAt(random.nextInt(3))));
            }
            answers.put("comment", "outbox round " + round + " #" + i + " " + Long.toHexString(random.nextLong()));
            bodies.add(KillDuringSubmissionsIT.json(clients.get(random.nextInt(clients.size())), answers));
        }
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try {
            for (int t = 0; t < SENDERS; t++) {
                pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        int status = -1;
                        long id = -1;
                        started.incrementAndGet();
                        try {
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/evaluations"))
                                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            status = response.statusCode();
                            Matcher m = ID.matcher(response.body());
                            if (status == 201 && m.find()) {
                                id = Long.parseLong(m.group(1));
                                acknowledged.incrementAndGet();
                            }
                        } catch (IOException e) {
                            status = -1; // the connection died with the JVM: not acknowledged
                        } finally {
                            answered.incrementAndGet();
                            sent.add(new Sent(round, i, status, id));
                        }
                        if (status == -1 && !app.isAlive()) {
                            continue;
                        }
                        Thread.sleep(pause.toMillis());
                    }
                    return null;
                });
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (!(acknowledged.get() >= count / 2 && killWhen.getAsBoolean()) && !(answered.get() == count && held.get() > 0)) {
                assertThat(System.nanoTime()).as("round %d: the moment to kill within 3 minutes (%d acknowledged, %d accepted, %d held)",
                        round, acknowledged.get(), accepted(), held.get()).isLessThan(deadline);
                Thread.sleep(20);
            }
            int inFlight = started.get() - answered.get();
            int acceptedAtKill = accepted();
            int heldAtKill = held.get();
            app.kill();
            pool.shutdown();
            assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).as("every request ended after the kill").isTrue();
            assertThat(sent.stream().filter(s -> s.status() != 201 && s.status() != -1).toList())
                    .as("answers other than 201 or a dead connection").allSatisfy(s -> assertThat(s.status()).isGreaterThanOrEqualTo(500));
            return new Round(List.copyOf(sent), acknowledged.get(), inFlight, acceptedAtKill, heldAtKill);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The loopback receiver: checks each request's signature and body, answers 200 (or holds it, then 503). */
    private HttpServer receiver() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/hook", exchange -> {
            try {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                JsonNode payload = json.readTree(body);
                boolean hold = holding.get();
                boolean accept = !hold;
                if (hold) {
                    held.incrementAndGet();
                }
                received.add(new Received(Long.parseLong(header(exchange, "Parcours-Delivery-Id")), payload.get("id").asLong(),
                        payload.get("type").asString(), payload.get("target").get("type").asString(), payload.get("target").get("id").asLong(),
                        signed(header(exchange, "Parcours-Signature"), body), idsOnly(payload), body, accept));
                if (hold) {
                    release.get().await(2, TimeUnit.MINUTES);
                    exchange.sendResponseHeaders(503, -1);
                } else {
                    Thread.sleep(100);
                    exchange.sendResponseHeaders(200, -1);
                }
            } catch (RuntimeException e) {
                badRequests.incrementAndGet();
                exchange.sendResponseHeaders(400, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the sender died while the request was held
            } finally {
                exchange.close();
            }
        });
        server.start();
        return server;
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        if (value == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return value;
    }

    private static boolean signed(String signature, String body) {
        Matcher m = SIGNATURE.matcher(signature);
        if (!m.matches()) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((m.group(1) + "." + body).getBytes(StandardCharsets.UTF_8))).equals(m.group(2));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** id, type, occurredAt, target {type, id} and link: no answer, name or comment of the submission. */
    private static boolean idsOnly(JsonNode payload) {
        return Set.copyOf(payload.propertyNames()).equals(Set.of("id", "type", "occurredAt", "target", "link"))
                && Set.copyOf(payload.get("target").propertyNames()).equals(Set.of("type", "id"))
                && payload.get("link").asString().equals("/api/evaluations/" + payload.get("target").get("id").asLong());
    }

    private int accepted() {
        return (int) received.stream().filter(Received::accepted).count();
    }

    private Set<Long> acceptedTargets() {
        return received.stream().filter(Received::accepted).map(Received::targetId).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean drained(Connection db) throws Exception {
        return longs(db, "SELECT COUNT(*) FROM webhook_delivery WHERE state <> 'DELIVERED'").getFirst() == 0;
    }

    /** Subscribes as an administrator would, over the API. */
    private void subscribe(ForkedApp app, String adminToken, String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.baseUrl() + "/api/webhooks"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"url": "%s", "events": ["submission.submitted"], "secret": "%s"}""".formatted(url, SECRET))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("subscription: %s", response.body()).isEqualTo(201);
    }

    private static List<Long> longs(Connection db, String sql) throws Exception {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static List<String> strings(Connection db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
