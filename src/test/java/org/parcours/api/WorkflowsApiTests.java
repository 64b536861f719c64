package org.parcours.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parcours.aid.AidServiceTests;
import org.parcours.clients.ClientSummary;
import org.parcours.contracts.ContractServiceTests;
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
 * The CASU aid request and the MASP contract over the API: a draft, its answers under If-Match
 * (428, 412), submission or signature refused with each problem's pointer then accepted, an
 * avenant with its reason; another team's worker gets 404 and the committee 403.
 */
@SpringBootTest
class WorkflowsApiTests {

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
    private String worker;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity()).addFilters(idempotency).build();
        worker = data.as(TestUsers.WORKER_NORTH, "WORKER", () -> tokens.create("workflow test")).token();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, String token, Object body) throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + token).contentType("application/json")
                .content(body instanceof String text ? text : json.writeValueAsString(body))).andReturn().getResponse();
    }

    private JsonNode body(MockHttpServletResponse response) throws Exception {
        return json.readTree(response.getContentAsString());
    }

    @Test
    void anAidRequestIsDraftedChangedUnderIfMatchAndSubmittedOnceComplete() throws Exception {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "AideApi");
        MockHttpServletResponse created = send(post("/api/aid-requests"), worker, Map.of("clientId", client.id()));
        assertThat(created.getStatus()).isEqualTo(201);
        long id = body(created).get("id").asLong();
        assertThat(body(created).get("answers").get("applicant_last_name").asString()).isEqualTo("AideApi");

        Map<String, String> complete = AidServiceTests.casu("food", null);
        Map<String, String> partial = new HashMap<>(complete);
        partial.remove("situation_assessment");
        assertThat(send(put("/api/aid-requests/" + id), worker, Map.of("answers", partial)).getStatus()).isEqualTo(428);
        assertThat(send(put("/api/aid-requests/" + id).header("If-Match", "\"77\""), worker, Map.of("answers", partial)).getStatus())
                .isEqualTo(412);
        MockHttpServletResponse saved = send(put("/api/aid-requests/" + id).header("If-Match", created.getHeader("ETag")), worker,
                Map.of("answers", partial));
        assertThat(saved.getStatus()).isEqualTo(200);

        MockHttpServletResponse incomplete = send(post("/api/aid-requests/" + id + "/submit").header("If-Match", saved.getHeader("ETag")),
                worker, "{}");
        assertThat(incomplete.getStatus()).isEqualTo(422);
        assertThat(body(incomplete).get("type").asString()).isEqualTo("urn:parcours:problem:incomplete-submission");
        assertThat(body(incomplete).get("errors").valueStream().map(e -> e.get("pointer").asString()))
                .contains("/answers/situation_assessment");

        MockHttpServletResponse submitted = send(post("/api/aid-requests/" + id + "/submit").header("If-Match", saved.getHeader("ETag")),
                worker, Map.of("answers", complete));
        assertThat(submitted.getStatus()).isEqualTo(200);
        assertThat(body(submitted).get("editable").asBoolean()).isFalse();
        assertThat(send(put("/api/aid-requests/" + id).header("If-Match", submitted.getHeader("ETag")), worker, Map.of("answers", complete))
                .getStatus()).isEqualTo(409);

        String south = data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> tokens.create("workflow test")).token();
        assertThat(mvc.perform(get("/api/aid-requests/" + id).header("Authorization", "Bearer " + south)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        String committee = data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> tokens.create("workflow test")).token();
        assertThat(mvc.perform(get("/api/aid-requests/" + id).header("Authorization", "Bearer " + committee)).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    @Test
    void aContractIsSignedOnlyWithItsDateAndItsRulesThenChangedByAnAvenantWithAReason() throws Exception {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "ContratApi");
        Map<String, String> terms = ContractServiceTests.text(LocalDate.now(), 4);
        MockHttpServletResponse draft = send(post("/api/contracts"), worker, Map.of("clientId", client.id(), "answers", terms));
        assertThat(draft.getStatus()).isEqualTo(201);
        long id = body(draft).get("id").asLong();
        String etag = draft.getHeader("ETag");

        MockHttpServletResponse noDate = send(post("/api/contracts/" + id + "/sign").header("If-Match", etag), worker, "{}");
        assertThat(noDate.getStatus()).isEqualTo(422);
        assertThat(body(noDate).get("errors").get(0).get("pointer").asString()).isEqualTo("/signedOn");
        Map<String, String> tooLong = new HashMap<>(terms);
        tooLong.put("duration_months", "9");
        MockHttpServletResponse refused = send(post("/api/contracts/" + id + "/sign").header("If-Match", etag), worker,
                Map.of("answers", tooLong, "signedOn", LocalDate.now().toString()));
        assertThat(refused.getStatus()).isIn(422);
        assertThat(refused.getContentType()).startsWith("application/problem+json");

        MockHttpServletResponse current = mvc.perform(get("/api/contracts/" + id).header("Authorization", "Bearer " + worker)).andReturn()
                .getResponse();
        MockHttpServletResponse signed = send(post("/api/contracts/" + id + "/sign").header("If-Match", current.getHeader("ETag")), worker,
                Map.of("answers", terms, "signedOn", LocalDate.now().toString()));
        assertThat(signed.getStatus()).as(signed.getContentAsString()).isEqualTo(200);
        assertThat(body(signed).get("status").asString()).isEqualTo("SIGNED");
        assertThat(body(signed).get("editable").asBoolean()).isFalse();

        assertThat(send(post("/api/contracts/" + id + "/amendments"), worker, "{\"reason\": \"\"}").getStatus()).isEqualTo(422);
        MockHttpServletResponse avenant = send(post("/api/contracts/" + id + "/amendments"), worker, "{\"reason\": \"Nouvel objectif\"}");
        assertThat(avenant.getStatus()).isEqualTo(201);
        assertThat(body(avenant).get("text").asInt()).isEqualTo(2);
        assertThat(body(avenant).get("editable").asBoolean()).isTrue();
        assertThat(send(post("/api/contracts/" + id + "/amendments"), worker, "{\"reason\": \"encore\"}").getStatus()).isEqualTo(409);
    }
}
