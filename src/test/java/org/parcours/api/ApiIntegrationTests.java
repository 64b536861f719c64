package org.parcours.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientSummary;
import org.parcours.security.ApiTokenScope;
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
 * The integrators' API through the whole servlet stack (Spring Security's API chain with real
 * bearer tokens, the idempotency filter, MockMvc) on the real MariaDB: client files with the
 * UI's team and role rules, the search by national register number, pages and updated-since,
 * the draft / If-Match / submit / amend lifecycle, idempotency keys and problem details.
 */
@SpringBootTest
class ApiIntegrationTests {

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
    IdempotencyKeyPurge purge;

    @Autowired
    org.parcours.catalog.FormCatalog catalog;

    private MockMvc mvc;
    private String worker;
    private String admin;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).addFilters(idempotency).build();
        worker = data.as(TestUsers.WORKER_NORTH, "WORKER", () -> tokens.create("api test")).token();
        admin = data.as(TestUsers.ADMIN, "ADMIN", () -> tokens.create("api test")).token();
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String token) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token)).andReturn().getResponse();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        return call(request.contentType("application/json").content(body), token);
    }

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString());
    }

    private long northTeam() {
        return data.teamId(TestUsers.TEAM_NORTH);
    }

    private String newClient(String lastName) {
        return """
                {"firstName": "Api", "lastName": "%s", "birthDate": "1981-02-03", "teamId": %d}""".formatted(lastName, northTeam());
    }

    @Test
    void theMeasurementDateIsTheBoundItemsAnswerAndIsRefusedAtItsPointerWhenItCannotBeOne() throws Exception {
        long clientId = body(send(post("/api/clients"), worker, newClient("Mesurée"))).get("id").asLong();
        String dateItem = catalog.current("imasp").definition().requireBound(org.parcours.formdef.BindingRole.MEASUREMENT_DATE);
        String undated = catalog.liveForms().stream()
                .filter(f -> f.definition().boundItem(org.parcours.formdef.BindingRole.MEASUREMENT_DATE).isEmpty())
                .findFirst().orElseThrow().formKey();

        MockHttpServletResponse unbound = send(post("/api/evaluations/drafts"), worker, """
                {"clientId": %d, "formKey": "%s", "measuredOn": "2026-11-02"}""".formatted(clientId, undated));
        assertThat(unbound.getStatus()).isEqualTo(422);
        assertThat(body(unbound).get("errors").get(0).get("pointer").asString()).isEqualTo("/measuredOn");
        MockHttpServletResponse differs = send(post("/api/evaluations/drafts"), worker, """
                {"clientId": %d, "formKey": "imasp", "measuredOn": "2026-11-02", "answers": {"%s": "2026-11-03"}}"""
                .formatted(clientId, dateItem));
        assertThat(differs.getStatus()).isEqualTo(422);
        assertThat(body(differs).get("errors").get(0).get("pointer").asString()).isEqualTo("/measuredOn");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission WHERE client_id = ?", Integer.class, clientId))
                .as("nothing was created").isZero();

        MockHttpServletResponse draft = send(post("/api/evaluations/drafts"), worker, """
                {"clientId": %d, "formKey": "imasp", "measuredOn": "2026-11-02", "answers": {"illness": "C"}}""".formatted(clientId));
        assertThat(draft.getStatus()).isEqualTo(201);
        assertThat(body(draft).get("measuredOn").asString()).isEqualTo("2026-11-02");
        long id = body(draft).get("id").asLong();
        MockHttpServletResponse changed = send(put("/api/evaluations/" + id).header("If-Match", draft.getHeader("ETag")), worker, """
                {"measuredOn": "1970-01-01", "answers": {"illness": "C"}}""");
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(body(changed).get("answers").get(dateItem).asString()).isEqualTo("1970-01-01");
        // the form's own rule on the date (not before the client's birth) is checked at submission, at the item's pointer
        MockHttpServletResponse beforeBirth = call(post("/api/evaluations/" + id + "/submit").header("If-Match", changed.getHeader("ETag")), worker);
        assertThat(beforeBirth.getStatus()).isEqualTo(422);
        assertThat(body(beforeBirth).get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .contains(ApiProblem.answerPointer(dateItem));
    }

    @Test
    void aWorkerCreatesChangesAndClosesAFileOfTheirTeamAndOnlyAnAdministratorAssignsIt() throws Exception {
        MockHttpServletResponse created = send(post("/api/clients"), worker, newClient("Créée"));
        assertThat(created.getStatus()).isEqualTo(201);
        long id = body(created).get("id").asLong();
        assertThat(created.getHeader("Location")).isEqualTo("/api/clients/" + id);

        MockHttpServletResponse updated = send(put("/api/clients/" + id), worker, """
                {"firstName": "Api", "lastName": "Changée", "birthDate": "1981-02-03", "phone": "+32 2 123 45 67", "status": "FOLLOWED"}""");
        assertThat(updated.getStatus()).isEqualTo(200);
        assertThat(body(updated).get("lastName").asString()).isEqualTo("Changée");
        assertThat(body(updated).get("phone").asString()).isEqualTo("+32 2 123 45 67");

        MockHttpServletResponse noReason = send(post("/api/clients/" + id + "/close"), worker, "{}");
        assertThat(noReason.getStatus()).isEqualTo(422);
        assertThat(noReason.getContentType()).startsWith("application/problem+json");
        assertThat(body(noReason).get("errors").get(0).get("pointer").asString()).isEqualTo("/reason");
        MockHttpServletResponse closed = send(post("/api/clients/" + id + "/close"), worker, """
                {"reason": "Déménagement"}""");
        assertThat(body(closed).get("status").asString()).isEqualTo("CLOSED");
        assertThat(body(closed).get("statusReason").asString()).isEqualTo("Déménagement");

        long south = data.teamId(TestUsers.TEAM_SOUTH);
        MockHttpServletResponse refused = send(put("/api/clients/" + id + "/assignment"), worker, "{\"teamId\": " + south + "}");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(body(refused).get("type").asString()).isEqualTo("urn:parcours:problem:forbidden");
        MockHttpServletResponse assigned = send(put("/api/clients/" + id + "/assignment"), admin, "{\"teamId\": " + south + "}");
        assertThat(body(assigned).get("teamId").asLong()).isEqualTo(south);

        // now another team's file: the worker gets exactly what an id that never existed gets
        MockHttpServletResponse otherTeams = call(get("/api/clients/" + id), worker);
        MockHttpServletResponse unknown = call(get("/api/clients/999999999"), worker);
        assertThat(otherTeams.getStatus()).isEqualTo(404);
        assertThat(body(otherTeams).get("detail")).isEqualTo(body(unknown).get("detail"));
        assertThat(body(otherTeams).get("type")).isEqualTo(body(unknown).get("type"));
        assertThat(send(put("/api/clients/" + id), worker, """
                {"firstName": "X", "lastName": "Y", "birthDate": "1981-02-03", "status": "FOLLOWED"}""").getStatus()).isEqualTo(404);
    }

    @Test
    void invalidClientDataIsRefusedFieldByFieldWithPointersAndNothingIsCreated() throws Exception {
        long before = data.count("client");
        MockHttpServletResponse refused = call(post("/api/clients").contentType("application/json").header("Accept-Language", "fr")
                .content("{\"firstName\": \"\", \"lastName\": \"Ok\", \"birthDate\": \"2999-01-01\", \"teamId\": " + northTeam() + "}"), worker);

        assertThat(refused.getStatus()).isEqualTo(422);
        JsonNode problem = body(refused);
        assertThat(problem.get("type").asString()).isEqualTo("urn:parcours:problem:validation");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(422);
        List<String> pointers = problem.get("errors").valueStream().map(e -> e.get("pointer").asString()).toList();
        assertThat(pointers).contains("/firstName", "/birthDate");
        assertThat(problem.get("errors").get(0).get("message").asString()).doesNotContain("client.error");
        assertThat(data.count("client")).isEqualTo(before);

        MockHttpServletResponse unreadable = send(post("/api/clients"), worker, "{not json");
        assertThat(unreadable.getStatus()).isEqualTo(400);
        assertThat(unreadable.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void theSearchByNationalRegisterNumberIsExactAuditedWithoutTheNumberAndOpenToReadOnlyTokens() throws Exception {
        String firstNine = "800517" + String.format("%03d", 1 + System.nanoTime() % 997);
        String number = firstNine + String.format("%02d", 97 - Long.parseLong(firstNine) % 97);
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Registre");
        MockHttpServletResponse withNumber = send(put("/api/clients/" + client.id()), worker, """
                {"firstName": "Test", "lastName": "Registre", "birthDate": "1980-05-17", "nationalRegisterNumber": "%s", "status": "FOLLOWED"}"""
                .formatted(number));
        assertThat(withNumber.getStatus()).as(withNumber.getContentAsString()).isEqualTo(200);
        long userId = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, TestUsers.WORKER_NORTH);
        String readOnly = data.as(TestUsers.ADMIN, "ADMIN",
                () -> tokens.createFor(userId, "read only", ApiTokenScope.READ, Duration.ofDays(1))).token();
        long lastAudit = jdbc.queryForObject("SELECT MAX(id) FROM audit_event", Long.class);

        MockHttpServletResponse found = send(post("/api/clients/search"), readOnly,
                "{\"nationalRegisterNumber\": \"" + number.substring(0, 2) + "." + number.substring(2) + "\"}");
        assertThat(found.getStatus()).isEqualTo(200);
        assertThat(body(found).valueStream().map(c -> c.get("id").asLong()).toList()).containsExactly(client.id());
        MockHttpServletResponse partial = send(post("/api/clients/search"), readOnly,
                "{\"nationalRegisterNumber\": \"" + number.substring(0, 10) + "0\"}".replace(number.substring(0, 10) + "0",
                        number.substring(0, 10) + (number.charAt(10) == '0' ? "1" : "0")));
        assertThat(body(partial).size()).isZero();
        assertThat(send(post("/api/clients/search"), readOnly, "{\"nationalRegisterNumber\": \"123\"}").getStatus()).isEqualTo(422);

        List<String> details = jdbc.queryForList("SELECT detail FROM audit_event WHERE id > ? AND action = 'CLIENTS_LISTED'",
                String.class, lastAudit);
        assertThat(details).hasSize(2).allSatisfy(detail -> assertThat(detail).contains("national register number")
                .doesNotContain(number).doesNotContain(number.substring(2)));
        assertThat(details.getFirst()).contains("[" + client.id() + "]");
        // a read-only token still changes nothing
        assertThat(send(post("/api/clients"), readOnly, newClient("Lecture")).getStatus()).isEqualTo(403);
    }

    @Test
    void clientsComeInPagesInIdOrderAndUpdatedSinceReturnsOnlyTheFilesChangedSince() throws Exception {
        List<Long> mine = List.of(data.client(TestUsers.TEAM_NORTH, "PageA").id(), data.client(TestUsers.TEAM_NORTH, "PageB").id(),
                data.client(TestUsers.TEAM_NORTH, "PageC").id());
        List<Long> seen = new java.util.ArrayList<>();
        String next = "/api/clients?limit=2";
        int pages = 0;
        while (next != null) {
            MockHttpServletResponse page = call(get(next), worker);
            assertThat(page.getStatus()).isEqualTo(200);
            JsonNode rows = body(page);
            assertThat(rows.size()).isLessThanOrEqualTo(2);
            rows.valueStream().forEach(r -> seen.add(r.get("id").asLong()));
            String link = page.getHeader("Link");
            next = link == null ? null : link.substring(link.indexOf("/api/"), link.indexOf('>'));
            pages++;
        }
        assertThat(pages).isGreaterThanOrEqualTo(2);
        assertThat(seen).isSorted().doesNotHaveDuplicates().containsAll(mine);
        assertThat(seen).hasSize(jdbc.queryForObject("SELECT COUNT(*) FROM client WHERE team_id = ?", Integer.class, northTeam()));

        Instant since = Instant.now();
        Thread.sleep(5);
        send(put("/api/clients/" + mine.get(1)), worker, """
                {"firstName": "Test", "lastName": "PageB", "birthDate": "1980-05-17", "email": "b@example.org", "status": "FOLLOWED"}""");
        JsonNode changed = body(call(get("/api/clients?updated-since=" + since), worker));
        assertThat(changed.valueStream().map(r -> r.get("id").asLong()).toList()).containsExactly(mine.get(1));

        MockHttpServletResponse bad = call(get("/api/clients?limit=0"), worker);
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(body(bad).get("errors").get(0).get("pointer").asString()).isEqualTo("?limit");
    }

    @Test
    void aDraftIsChangedUnderIfMatchSubmittedWithItsProblemsListedAndAmendedWithAReason() throws Exception {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Cycle");
        MockHttpServletResponse draft = send(post("/api/evaluations/drafts"), worker, """
                {"clientId": %d, "formKey": "imasp", "answers": {"illness": "C"}}""".formatted(client.id()));
        assertThat(draft.getStatus()).isEqualTo(201);
        long id = body(draft).get("id").asLong();
        String etag = draft.getHeader("ETag");
        assertThat(etag).isEqualTo("\"" + body(draft).get("version").asLong() + "\"");
        assertThat(body(draft).get("status").asString()).isEqualTo("DRAFT");

        assertThat(send(put("/api/evaluations/" + id), worker, "{\"answers\": {\"illness\": \"B\"}}").getStatus()).isEqualTo(428);
        assertThat(send(put("/api/evaluations/" + id).header("If-Match", "\"987\""), worker, "{\"answers\": {\"illness\": \"B\"}}")
                .getStatus()).isEqualTo(412);
        MockHttpServletResponse saved = send(put("/api/evaluations/" + id).header("If-Match", etag), worker, "{\"answers\": {\"illness\": \"B\"}}");
        assertThat(saved.getStatus()).isEqualTo(200);
        assertThat(saved.getHeader("ETag")).isNotEqualTo(etag);
        // the copy read before that save is outdated now
        assertThat(send(put("/api/evaluations/" + id).header("If-Match", etag), worker, "{\"answers\": {\"illness\": \"A\"}}").getStatus())
                .isEqualTo(412);
        assertThat(send(put("/api/evaluations/" + id).header("If-Match", saved.getHeader("ETag")), worker,
                "{\"answers\": {\"illness\": \"not-a-level\"}}").getStatus()).isEqualTo(400);

        MockHttpServletResponse incomplete = send(post("/api/evaluations/" + id + "/submit").header("If-Match", saved.getHeader("ETag")), worker,
                "{\"answers\": {\"illness\": \"B\", \"track\": \"social-only\"}}");
        assertThat(incomplete.getStatus()).isEqualTo(422);
        JsonNode problem = body(incomplete);
        assertThat(problem.get("type").asString()).isEqualTo("urn:parcours:problem:incomplete-submission");
        assertThat(problem.get("errors").get(0).get("pointer").asString()).isEqualTo("/answers/social_only_reason");
        assertThat(problem.get("errors").get(0).get("message").asString()).isNotBlank();

        String current = incomplete.getHeader("ETag");
        MockHttpServletResponse submitted = send(post("/api/evaluations/" + id + "/submit").header("If-Match", current), worker,
                "{\"answers\": {\"illness\": \"B\", \"track\": \"social-only\", \"social_only_reason\": \"plus de 60 ans\"}}");
        assertThat(submitted.getStatus()).isEqualTo(200);
        assertThat(body(submitted).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(send(put("/api/evaluations/" + id).header("If-Match", submitted.getHeader("ETag")), worker, "{\"answers\": {}}")
                .getStatus()).isEqualTo(409);

        MockHttpServletResponse noReason = send(post("/api/evaluations/" + id + "/amendments"), worker, "{\"reason\": \" \"}");
        assertThat(noReason.getStatus()).isEqualTo(422);
        assertThat(body(noReason).get("errors").get(0).get("pointer").asString()).isEqualTo("/reason");
        MockHttpServletResponse amended = send(post("/api/evaluations/" + id + "/amendments"), worker, "{\"reason\": \"Erreur de frappe\"}");
        assertThat(amended.getStatus()).isEqualTo(201);
        assertThat(body(amended).get("status").asString()).isEqualTo("AMENDING");
        assertThat(body(amended).get("revision").asInt()).isEqualTo(2);
        assertThat(body(amended).get("answers").get("social_only_reason").asString()).isEqualTo("plus de 60 ans");
        assertThat(send(post("/api/evaluations/" + id + "/amendments"), worker, "{\"reason\": \"encore\"}").getStatus()).isEqualTo(409);

        // another team's worker: not found, like an id that does not exist
        String south = data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> tokens.create("api test")).token();
        assertThat(send(put("/api/evaluations/" + id).header("If-Match", amended.getHeader("ETag")), south, "{\"answers\": {}}")
                .getStatus()).isEqualTo(404);
    }

    @Test
    void aRetriedPostWithTheSameKeyReturnsTheFirstAnswerAndCreatesNothingTwice() throws Exception {
        String key = "create-" + System.nanoTime();
        String lastName = "Idem" + System.nanoTime();
        MockHttpServletResponse first = send(post("/api/clients").header("Idempotency-Key", key), worker, newClient(lastName));
        MockHttpServletResponse retry = send(post("/api/clients").header("Idempotency-Key", key), worker, newClient(lastName));

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getContentAsString()).isEqualTo(first.getContentAsString());
        assertThat(retry.getHeader("Location")).isEqualTo(first.getHeader("Location"));
        assertThat(retry.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM client WHERE last_name = ?", Integer.class, lastName)).isEqualTo(1);

        MockHttpServletResponse otherBody = send(post("/api/clients").header("Idempotency-Key", key), worker, newClient(lastName + "x"));
        assertThat(otherBody.getStatus()).isEqualTo(422);
        assertThat(body(otherBody).get("type").asString()).isEqualTo("urn:parcours:problem:idempotency-key-reused");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM client WHERE last_name = ?", Integer.class, lastName + "x")).isZero();

        // a refusal is replayed too, and the key is another user's business: theirs does not collide
        String bad = "bad-" + System.nanoTime();
        MockHttpServletResponse refused = send(post("/api/clients").header("Idempotency-Key", bad), worker, "{\"lastName\": \"\"}");
        assertThat(send(post("/api/clients").header("Idempotency-Key", bad), worker, "{\"lastName\": \"\"}").getContentAsString())
                .isEqualTo(refused.getContentAsString());
        assertThat(send(post("/api/clients").header("Idempotency-Key", key), admin, newClient(lastName)).getStatus()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT expires_at > NOW() + INTERVAL 23 HOUR FROM api_idempotency_key WHERE idem_key = ? LIMIT 1",
                Boolean.class, key)).isTrue();
    }

    @Test
    void expiredIdempotencyKeysArePurgedAndAnExpiredKeyRunsAgain() throws Exception {
        String key = "old-" + System.nanoTime();
        String lastName = "Expire" + System.nanoTime();
        assertThat(send(post("/api/clients").header("Idempotency-Key", key), worker, newClient(lastName)).getStatus()).isEqualTo(201);
        jdbc.update("UPDATE api_idempotency_key SET expires_at = NOW() - INTERVAL 1 HOUR WHERE idem_key = ?", key);
        // the key has expired: the same request is a new request
        assertThat(send(post("/api/clients").header("Idempotency-Key", key), worker, newClient(lastName)).getStatus()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM client WHERE last_name = ?", Integer.class, lastName)).isEqualTo(2);

        String stale = "stale-" + System.nanoTime();
        send(post("/api/clients").header("Idempotency-Key", stale), worker, newClient(lastName + "s"));
        jdbc.update("UPDATE api_idempotency_key SET expires_at = NOW() - INTERVAL 1 HOUR WHERE idem_key = ?", stale);
        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_idempotency_key WHERE idem_key = ?", Integer.class, stale)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM api_idempotency_key WHERE idem_key = ?", Integer.class, key)).isEqualTo(1);
    }
}
