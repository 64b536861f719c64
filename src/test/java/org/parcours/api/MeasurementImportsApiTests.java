package org.parcours.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientSummary;
import org.parcours.security.ApiTokens;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Importing past measurements over the API with an administrator's token: the check creates
 * nothing, the import creates every line's measurement, a second import of the same file creates
 * nothing, a file with a bad line is 422 problem details naming the line and imports nothing, an
 * XLSX body is read too, and a worker or the committee is refused.
 */
@SpringBootTest
class MeasurementImportsApiTests {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    WebApplicationContext context;

    @Autowired
    IdempotencyFilter idempotency;

    @Autowired
    ApiTokens tokens;

    @Autowired
    TestData data;

    @Autowired
    JsonMapper json;

    private MockMvc mvc;
    private String admin;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).addFilters(idempotency).build();
        admin = data.as(TestUsers.ADMIN, "ADMIN", () -> tokens.create("import test")).token();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String token, String contentType, byte[] body)
            throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token).contentType(contentType).content(body)).andReturn()
                .getResponse();
    }

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString());
    }

    private static byte[] evita(long clientId) {
        return """
                client;author;measured_on;illness;hygiene
                %1$d;worker;16/03/2010;C;C
                %1$d;;2011-09-01;A;A
                %1$d;worker;2010-11-20;B;B
                """.formatted(clientId).getBytes(StandardCharsets.UTF_8);
    }

    private long evaluations() {
        return data.count("submission WHERE kind = 'EVALUATION'");
    }

    @Test
    void anAdministratorChecksThenImportsAFileAndImportingItAgainCreatesNothing() throws Exception {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "EvitaApi");
        long before = evaluations();

        MockHttpServletResponse checked = send(post("/api/measurement-imports/imasp/check"), admin, "text/csv", evita(client.id()));

        assertThat(checked.getStatus()).isEqualTo(200);
        assertThat(body(checked).get("importable").asBoolean()).isTrue();
        assertThat(body(checked).get("toCreate").asLong()).isEqualTo(3);
        assertThat(body(checked).get("lines").valueStream().map(l -> l.get("line").asInt() + " " + l.get("outcome").asString()
                + " " + l.get("author").asString())).containsExactly("2 CREATE worker", "3 CREATE admin", "4 CREATE worker");
        assertThat(evaluations()).as("a check creates nothing").isEqualTo(before);

        MockHttpServletResponse imported = send(post("/api/measurement-imports/imasp").param("fileName", "evita.csv")
                .header("Idempotency-Key", "evita-1"), admin, "text/csv", evita(client.id()));

        assertThat(imported.getStatus()).isEqualTo(200);
        assertThat(body(imported).get("created").asInt()).isEqualTo(3);
        assertThat(evaluations()).isEqualTo(before + 3);
        assertThat(data.count("audit_event WHERE action = 'MEASUREMENTS_IMPORTED' AND actor = 'admin' AND detail LIKE 'file evita.csv:%'"))
                .isEqualTo(1);

        MockHttpServletResponse replayed = send(post("/api/measurement-imports/imasp").param("fileName", "evita.csv")
                .header("Idempotency-Key", "evita-1"), admin, "text/csv", evita(client.id()));
        assertThat(replayed.getHeader("Idempotent-Replayed")).isEqualTo("true");
        MockHttpServletResponse again = send(post("/api/measurement-imports/imasp"), admin, "text/csv", evita(client.id()));

        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(body(again).get("created").asInt()).isZero();
        assertThat(body(again).get("alreadyThere").asLong()).isEqualTo(3);
        assertThat(evaluations()).as("nothing twice").isEqualTo(before + 3);
    }

    @Test
    void aFileWithABadLineIsAProblemNamingTheLineAndImportsNothing() throws Exception {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "BadApi");
        long before = evaluations();
        byte[] file = """
                client;author;measured_on;illness
                %1$d;;2010-03-16;C
                %1$d;nobody;2011-09-01;D
                """.formatted(client.id()).getBytes(StandardCharsets.UTF_8);

        MockHttpServletResponse refused = mvc.perform(post("/api/measurement-imports/imasp").header("Authorization", "Bearer " + admin)
                .header("Accept-Language", "fr").contentType("text/csv").content(file)).andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        JsonNode problem = body(refused);
        assertThat(problem.get("type").asString()).isEqualTo("urn:parcours:problem:import-refused");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("line").asInt() + " " + e.get("code").asString()))
                .containsExactlyInAnyOrder("3 unknown-author", "3 not-in-scale");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("message").asString()))
                .contains("aucun utilisateur nommé « nobody »");
        assertThat(evaluations()).as("nothing half-imported").isEqualTo(before);

        MockHttpServletResponse checked = send(post("/api/measurement-imports/imasp/check"), admin, "text/csv", file);
        assertThat(checked.getStatus()).isEqualTo(200);
        assertThat(body(checked).get("importable").asBoolean()).isFalse();
        assertThat(body(checked).get("lines").get(1).get("outcome").asString()).isEqualTo("REFUSED");
    }

    @Test
    void anXlsxBodyIsReadLikeACsvFile() throws Exception {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "XlsxApi");
        byte[] workbook = org.parcours.measurements.MeasurementImportTestFiles.xlsx(List.of(
                List.of("client", "measured_on", "illness"), List.of(client.id(), java.time.LocalDate.of(2010, 3, 16), "C")));

        MockHttpServletResponse imported = send(post("/api/measurement-imports/imasp"), admin, XLSX, workbook);

        assertThat(imported.getStatus()).isEqualTo(200);
        assertThat(body(imported).get("created").asInt()).isEqualTo(1);
        assertThat(body(imported).get("lines").get(0).get("measuredOn").asString()).isEqualTo("2010-03-16");
    }

    @Test
    void aWorkerOrTheCommitteeCannotImportThroughTheApi() throws Exception {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "DeniedApi");
        String worker = data.as(TestUsers.WORKER_NORTH, "WORKER", () -> tokens.create("import test")).token();
        String committee = data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> tokens.create("import test")).token();
        long before = evaluations();

        assertThat(send(post("/api/measurement-imports/imasp"), worker, "text/csv", evita(client.id())).getStatus()).isEqualTo(403);
        assertThat(send(post("/api/measurement-imports/imasp/check"), worker, "text/csv", evita(client.id())).getStatus()).isEqualTo(403);
        assertThat(send(post("/api/measurement-imports/imasp"), committee, "text/csv", evita(client.id())).getStatus()).isEqualTo(403);
        assertThat(evaluations()).isEqualTo(before);
    }
}
