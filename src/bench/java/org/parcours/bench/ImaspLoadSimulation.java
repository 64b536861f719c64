package org.parcours.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * P5: workers on loopback, each signing in, opening a new IMASP for a client of their team, setting
 * every factor (one UIDL request per change, as the browser sends it: the property sync and the
 * value-changed event) and submitting. Speaks Vaadin Flow's client protocol: the UI id, the UI's
 * security key, the sync and client ids and the state-tree node of each field are read from the
 * responses. Bounded: {@code parcours.users} users (50) ramped over {@code parcours.rampSeconds}
 * (20), stopped after {@code parcours.maxSeconds} (300).
 *
 * <p>System properties: {@code parcours.baseUrl} (http://127.0.0.1:8080), {@code parcours.workers}
 * ("username:clientId,..." one per user, in ramp order, e.g. demo workers and clients of their
 * teams; a user per worker when there are as many as users),
 * {@code parcours.password}, {@code parcours.factors} (the IMASP scale item ids, comma-separated).
 * Run by ForkedAppBenchmark, or alone against a running application with
 * {@code ./mvnw -Pbench gatling:test -Dparcours.baseUrl=... -Dparcours.workers=...}.
 */
public class ImaspLoadSimulation extends Simulation {

    static final String FIELD_CHANGE = "field change";
    private static final String SYNC = "\"syncId\":(\\d+)";
    private static final String CLIENT = "\"clientId\":(\\d+)";

    private final String baseUrl = System.getProperty("parcours.baseUrl", "http://127.0.0.1:8080");
    private final List<String> factors = Arrays.asList(System.getProperty("parcours.factors",
            "illness,homeless,hygiene").split(","));

    private final HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
            .disableFollowRedirect()
            .acceptHeader("*/*")
            .userAgentHeader("Parcours-Gatling");

    private final ScenarioBuilder scenario = scenario("worker fills and submits an IMASP")
            .feed(listFeeder(workers()).circular())
            .exec(http("login page").get("/login")
                    .check(regex("name=\"_csrf\" content=\"([^\"]+)\"").saveAs("csrf")))
            .exec(http("sign in").post("/login")
                    .formParam("username", "#{username}")
                    .formParam("password", System.getProperty("parcours.password", ""))
                    .formParam("_csrf", "#{csrf}")
                    .check(status().is(302), header("Location").not(baseUrl + "/login?error")))
            .exec(http("bootstrap UI").get("/?v-r=init&location=clients/#{clientId}/new/imasp&query=")
                    .check(regex("\"v-uiId\":(\\d+)").saveAs("uiId"),
                            regex("\"Vaadin-Security-Key\":\"([^\"]+)\"").saveAs("key"),
                            regex(SYNC).saveAs("syncId"),
                            regex(CLIENT).saveAs("uidlClientId")))
            .exec(nodes(uidl("open IMASP", session -> "{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"clients/"
                    + session.getString("clientId") + "/new/imasp\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}")))
            .exec(foreach(factors, "factor", "n").on(
                    exec(uidl(FIELD_CHANGE, session -> {
                        String node = session.getString("node_" + session.getString("factor"));
                        String value = String.valueOf(1 + (session.getInt("n") + session.userId()) % 3); // radio keys 1..3: A, B, C
                        return "{\"type\":\"mSync\",\"node\":" + node + ",\"feature\":1,\"property\":\"value\",\"value\":\"" + value + "\"},"
                                + "{\"type\":\"event\",\"node\":" + node + ",\"event\":\"value-changed\"}";
                    })).pause(Duration.ofMillis(200), Duration.ofMillis(600))))
            .exec(uidl("submit", session -> "{\"type\":\"event\",\"node\":" + session.getString("node_submit")
                    + ",\"event\":\"click\",\"data\":{\"event.detail\":1}}")
                    .check(regex("evaluations/\\d+")));

    {
        int users = Integer.getInteger("parcours.users", 50);
        Duration ramp = Duration.ofSeconds(Integer.getInteger("parcours.rampSeconds", 20));
        setUp(scenario.injectOpen(users <= 1 ? atOnceUsers(users) : rampUsers(users).during(ramp)))
                .protocols(protocol)
                .maxDuration(Duration.ofSeconds(Integer.getInteger("parcours.maxSeconds", 300)))
                .assertions(global().failedRequests().count().is(0L));
    }

    /** A UIDL request with these invocations, checked for a valid, error-free response whose ids are kept for the next one. */
    private static HttpRequestActionBuilder uidl(String name, java.util.function.Function<Session, String> invocations) {
        return http(name).post("/?v-r=uidl&v-uiId=#{uiId}")
                .header("Content-Type", "application/json; charset=UTF-8")
                .body(StringBody(session -> "{\"csrfToken\":\"" + session.getString("key") + "\",\"rpc\":[" + invocations.apply(session)
                        + "],\"syncId\":" + session.getString("syncId") + ",\"clientId\":" + session.getString("uidlClientId") + "}"))
                .check(status().is(200),
                        regex("appError|\"resynchronize\"|Internal error").notExists(),
                        regex(SYNC).saveAs("syncId"),
                        regex(CLIENT).saveAs("uidlClientId"));
    }

    /** The navigation response: also the node of every factor's radio group and of the submit button. */
    private HttpRequestActionBuilder nodes(HttpRequestActionBuilder request) {
        List<io.gatling.javaapi.core.CheckBuilder> checks = new ArrayList<>();
        for (String factor : factors) {
            checks.add(regex(nodeOf("item-" + factor)).saveAs("node_" + factor));
        }
        checks.add(regex(nodeOf("submit-evaluation")).saveAs("node_submit"));
        return request.check(checks);
    }

    private static String nodeOf(String elementId) {
        return "\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":3,\"value\":\"" + elementId + "\"";
    }

    private static List<Map<String, Object>> workers() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (String pair : System.getProperty("parcours.workers", "worker:1").split(",")) {
            String[] parts = pair.split(":");
            Map<String, Object> record = new HashMap<>();
            record.put("username", parts[0]);
            record.put("clientId", parts[1]);
            records.add(record);
        }
        return records;
    }
}
