package org.parcours.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Span;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.catalog.FormCatalog;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.home.ui.HomeView;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestForms;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The worker's caseload on the worklist (issue 12): their clients with an open support plan (the
 * policy's caseload form, closed by the item the policy names), against the policy's target.
 * The policy number changes in the tests' copy of forms/ under the running app (restored after).
 */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
class CaseloadTests extends SpringBrowserlessTest {

    @Autowired
    WorklistService worklists;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    ClientService clients;

    @Autowired
    FormCatalog catalog;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void openPlansOfTheWorkersOwnClientsCountAgainstThePolicyTargetWhichFollowsThePolicyFile() throws IOException {
        int before = worklists.forCurrentUser().caseload().orElseThrow().active();
        ClientSummary open = mine("CaseloadOpen");
        ClientSummary closed = mine("CaseloadClosed");
        ClientSummary draftOnly = mine("CaseloadDraft");
        ClientSummary created = data.client(TestUsers.TEAM_NORTH, "CaseloadNotMine");
        ClientSummary notMine = data.as(TestUsers.ADMIN, "ADMIN", () -> clients.assign(created.id(), created.teamId(), Optional.empty()));
        evaluations.submit(evaluations.blank(open.id(), "support-plan"), plan(false));
        evaluations.submit(evaluations.blank(closed.id(), "support-plan"), plan(false));
        Map<String, String> ending = new java.util.HashMap<>(plan(true));
        ending.putAll(Map.of("objectives.1.progress", "reached", "end_date", "2026-02-05", "outcome", "objectives-reached"));
        evaluations.submit(evaluations.blank(closed.id(), "support-plan"), ending);
        evaluations.save(evaluations.blank(draftOnly.id(), "support-plan"), plan(false));
        evaluations.submit(evaluations.blank(notMine.id(), "support-plan"), plan(false));

        Caseload caseload = worklists.forCurrentUser().caseload().orElseThrow();
        assertThat(caseload.formKey()).isEqualTo("support-plan");
        assertThat(caseload.active()).as("open plan counts; closed, draft-only and other workers' clients do not").isEqualTo(before + 1);
        assertThat(caseload.target()).isEqualTo(20);
        navigate(HomeView.class);
        assertThat(find(Span.class).id("worklist-caseload").getText())
                .isEqualTo("Plan d'accompagnement social : " + (before + 1) + " en cours / cible 20");

        Path policy = TestForms.dir().resolve("policy.yaml");
        String original = Files.readString(policy);
        try {
            Files.writeString(policy, original.replace("target_per_fte: 20", "target_per_fte: 16"));
            catalog.reload();

            assertThat(worklists.forCurrentUser().caseload().orElseThrow().target()).isEqualTo(16);
            navigate(HomeView.class);
            assertThat(find(Span.class).id("worklist-caseload").getText()).endsWith("/ cible 16");

            Files.writeString(policy, original.replaceAll("(?m)^\\s*form: support-plan.*\\n", ""));
            catalog.reload();
            assertThat(worklists.forCurrentUser().caseload()).as("no caseload form in the policy: no caseload").isEqualTo(Optional.empty());
        } finally {
            Files.writeString(policy, original);
            catalog.reload();
        }
    }

    private ClientSummary mine(String name) {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, name);
        long me = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, TestUsers.WORKER_NORTH);
        return data.as(TestUsers.ADMIN, "ADMIN", () -> clients.assign(client.id(), client.teamId(), Optional.of(me)));
    }

    private static Map<String, String> plan(boolean ended) {
        Map<String, String> answers = new java.util.HashMap<>(Map.of("adhesion_date", "2026-01-05", "adhesion_way", "oral", "plan_start", "2026-01-05", "planned_months", "6",
                "review_date", "2026-01-05", "objectives.1.objective", "Logement", "objectives.1.objective_axis", "housing",
                "objectives.1.criteria", "Bail signé", "objectives.1.target_date", "2026-06-01", "plan_ended", String.valueOf(ended)));
        answers.put("objectives.1.progress", "not-yet");
        return answers;
    }
}
