package org.parcours.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.catalog.FormCatalog;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.security.ApiTokens;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The REST API over real HTTP: per-user bearer tokens, the role rules of the views for each
 * path, team scope (another team's data is "not found" and audited), stateless and CSRF-free,
 * public health and documentation, metrics for administrators only. An IT (failsafe, its own JVM)
 * because a server on a random port is a second Spring context, whose Vaadin security-context
 * strategy would disturb the @WithUserDetails tests sharing surefire's JVM.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiAccessIT {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    TestData data;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FormCatalog catalog;

    @Value("${parcours.forms.dir}")
    Path formsDir;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    private ClientSummary north;
    private ClientSummary south;
    private long southEvaluation;

    @BeforeEach
    void clients() {
        north = data.client(TestUsers.TEAM_NORTH, "ApiNorth" + System.nanoTime());
        south = data.client(TestUsers.TEAM_SOUTH, "ApiSouth" + System.nanoTime());
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> evaluations.submit(evaluations.blank(north.id(), "imasp"), Map.of("illness", "A")));
        southEvaluation = data.as(TestUsers.WORKER_SOUTH, "WORKER",
                () -> evaluations.submit(evaluations.blank(south.id(), "imasp"), Map.of("illness", "C"))).id().orElseThrow();
    }

    private String token(String user, String role) {
        return data.as(user, role, () -> tokens.create("test " + user)).token();
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private HttpResponse<String> post(String path, String token, String json) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void withoutAValidTokenOnlyHealthAndTheDocumentationAnswer() {
        assertThat(get("/api/clients", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/forms", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/clients", "pct_not-a-real-token").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        HttpResponse<String> openApi = get("/api/openapi.json", null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/clients", "/api/evaluations", "/api/forms/{key}/submissions", "bearer");
        HttpResponse<String> docs = get("/api/docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).containsIgnoringCase("swagger");
    }

    @Test
    void aWorkerReadsAndSubmitsForTheirTeamOnlyAndAnotherTeamsDataIsNotFoundAndAudited() {
        String token = token(TestUsers.WORKER_NORTH, "WORKER");

        HttpResponse<String> list = get("/api/clients", token);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(north.lastName()).doesNotContain(south.lastName());
        assertThat(list.headers().allValues("Set-Cookie")).as("stateless: no session").isEmpty();
        assertThat(get("/api/clients/" + north.id(), token).statusCode()).isEqualTo(200);
        assertThat(get("/api/clients/" + north.id() + "/evaluations", token).body()).contains("\"formKey\":\"imasp\"");

        HttpResponse<String> other = get("/api/clients/" + south.id(), token);
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).doesNotContain(south.lastName());
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "client", south.id())).contains("ACCESS_DENIED");
        assertThat(get("/api/evaluations/" + southEvaluation, token).statusCode()).isEqualTo(404);
        assertThat(get("/api/clients/" + south.id() + "/evaluations", token).statusCode()).isEqualTo(404);

        HttpResponse<String> submissions = get("/api/forms/imasp/submissions", token);
        assertThat(submissions.statusCode()).isEqualTo(200);
        assertThat(submissions.body()).contains("\"clientId\":" + north.id() + ",").doesNotContain("\"clientId\":" + south.id() + ",");

        // CSRF-free: a POST with only the bearer token is accepted
        HttpResponse<String> created = post("/api/evaluations", token,
                "{\"clientId\":" + north.id() + ",\"formKey\":\"imasp\",\"answers\":{\"illness\":\"B\",\"homeless\":\"A\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"status\":\"SUBMITTED\"", "\"illness\":\"B\"");
        long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "evaluation", id)).contains("EVALUATION_CREATED", "EVALUATION_SUBMITTED");
        assertThat(post("/api/evaluations", token, "{\"clientId\":" + south.id() + ",\"formKey\":\"imasp\",\"answers\":{\"illness\":\"B\"}}")
                .statusCode()).isEqualTo(404);
        assertThat(post("/api/evaluations", token, "{\"clientId\":" + north.id() + ",\"formKey\":\"imasp\",\"answers\":{\"illness\":\"Z\"}}")
                .statusCode()).isEqualTo(400);

        assertThat(get("/api/forms", token).body()).contains("\"key\":\"imasp\"");
        assertThat(get("/api/forms/imasp/versions", token).body()).contains("\"id\":\"illness\"");
        assertThat(get("/actuator/metrics", token).statusCode()).isEqualTo(403);
    }

    @Test
    void theCommitteeReadsFormsAndSubmissionsOfItsTeamsButNotClientFilesAndTheAdministratorSeesEverything() {
        String committee = token(TestUsers.COMMITTEE, "COMMITTEE");
        assertThat(get("/api/clients", committee).statusCode()).isEqualTo(403);
        assertThat(get("/api/evaluations/" + southEvaluation, committee).statusCode()).isEqualTo(403);
        assertThat(post("/api/evaluations", committee, "{\"clientId\":" + north.id() + ",\"formKey\":\"imasp\",\"answers\":{}}")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> submissions = get("/api/forms/imasp/submissions", committee);
        assertThat(submissions.statusCode()).isEqualTo(200);
        assertThat(submissions.body()).contains("\"clientId\":" + north.id() + ",", "\"clientId\":" + south.id() + ",");
        assertThat(get("/actuator/metrics", committee).statusCode()).isEqualTo(403);

        String worker2 = token(TestUsers.WORKER_SOUTH, "WORKER");
        assertThat(get("/api/clients", worker2).body()).contains(south.lastName()).doesNotContain(north.lastName());
        assertThat(get("/api/evaluations/" + southEvaluation, worker2).statusCode()).isEqualTo(200);

        String admin = token(TestUsers.ADMIN, "ADMIN");
        assertThat(get("/api/clients", admin).body()).contains(north.lastName(), south.lastName());
        assertThat(get("/api/evaluations/" + southEvaluation, admin).statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get("/actuator/metrics", admin);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm.memory.used");
    }

    @Test
    void tokensAreStoredHashedAndStopWorkingWhenRevokedAndOnlyAdministratorsCreateThemForOthers() {
        String token = token(TestUsers.WORKER_NORTH, "WORKER");
        List<String> stored = jdbc.queryForList("SELECT token_hash FROM api_token", String.class);
        assertThat(stored).doesNotContain(token).allMatch(h -> h.matches("[0-9a-f]{64}"));
        assertThat(get("/api/forms", token).statusCode()).isEqualTo(200);

        long id = data.as(TestUsers.WORKER_NORTH, "WORKER", () -> tokens.visibleTokens()).stream()
                .filter(t -> t.name().equals("test " + TestUsers.WORKER_NORTH)).findFirst().orElseThrow().id();
        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> {
            tokens.revoke(id);
            return null;
        });
        assertThat(get("/api/forms", token).statusCode()).isEqualTo(401);
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "api_token", id)).containsExactly("API_TOKEN_CREATED", "API_TOKEN_REVOKED");

        long workerId = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, TestUsers.WORKER_NORTH);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> tokens.createFor(workerId, "x")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        String forWorker = data.as(TestUsers.ADMIN, "ADMIN", () -> tokens.createFor(workerId, "made by admin")).token();
        assertThat(get("/api/clients", forWorker).body()).as("the token acts as its user").contains(north.lastName()).doesNotContain(south.lastName());
    }

    @Test
    void anItemSensitiveToAdministratorsIsNeitherReadNorWrittenThroughAWorkersToken() throws IOException {
        Path file = formsDir.resolve("api_sensitive.yaml");
        Files.writeString(file, """
                form: api_sensitive
                title: { fr: "Sensible", nl: "Gevoelig", en: "Sensitive" }
                sections:
                  - id: main
                    title: { fr: "Principal", nl: "Hoofd", en: "Main" }
                    items:
                      - id: note
                        type: text
                        label: { fr: "Note", nl: "Nota", en: "Note" }
                      - id: medical
                        type: text
                        sensitive: [ADMIN]
                        label: { fr: "Médical", nl: "Medisch", en: "Medical" }
                """);
        catalog.reload(); // as the folder's poll would, without waiting for it
        try {
            sensitiveItemThroughTheApi();
        } finally {
            Files.delete(file);
            catalog.reload();
        }
    }

    private void sensitiveItemThroughTheApi() {
        String admin = token(TestUsers.ADMIN, "ADMIN");
        String worker = token(TestUsers.WORKER_NORTH, "WORKER");

        HttpResponse<String> created = post("/api/evaluations", admin,
                "{\"clientId\":" + north.id() + ",\"formKey\":\"api_sensitive\",\"answers\":{\"note\":\"visible\",\"medical\":\"diagnostic-secret\"}}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String path = created.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        assertThat(get(path, admin).body()).contains("diagnostic-secret");
        HttpResponse<String> read = get(path, worker);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("visible").doesNotContain("medical", "diagnostic-secret");
        assertThat(get("/api/forms/api_sensitive/submissions", worker).body()).contains("visible").doesNotContain("diagnostic-secret");

        long before = data.count("submission");
        HttpResponse<String> refused = post("/api/evaluations", worker,
                "{\"clientId\":" + north.id() + ",\"formKey\":\"api_sensitive\",\"answers\":{\"note\":\"x\",\"medical\":\"written by a worker\"}}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("medical", "not visible to your role");
        assertThat(data.count("submission")).as("nothing saved").isEqualTo(before);
    }

    /**
     * Over a real servlet container: the idempotency filter runs after the token chain (it knows
     * the user) and replays the first answer; errors are problem details with pointers.
     */
    @Test
    void aRetriedPostWithItsIdempotencyKeyIsAnsweredAgainWithoutASecondFile() {
        String token = token(TestUsers.WORKER_NORTH, "WORKER");
        String lastName = "HttpIdem" + System.nanoTime();
        String body = "{\"firstName\":\"Http\",\"lastName\":\"" + lastName + "\",\"birthDate\":\"1979-03-04\",\"teamId\":"
                + data.teamId(TestUsers.TEAM_NORTH) + "}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/clients"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", "it-" + lastName).POST(HttpRequest.BodyPublishers.ofString(body));

        HttpResponse<String> first = send(request.build());
        HttpResponse<String> retry = send(request.build());

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM client WHERE last_name = ?", Integer.class, lastName)).isEqualTo(1);

        HttpResponse<String> invalid = post("/api/clients", token, "{\"firstName\":\"\",\"lastName\":\"X\",\"birthDate\":\"1979-03-04\",\"teamId\":"
                + data.teamId(TestUsers.TEAM_NORTH) + "}");
        assertThat(invalid.statusCode()).isEqualTo(422);
        assertThat(invalid.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(invalid.body()).contains("\"pointer\":\"/firstName\"");
    }
}
