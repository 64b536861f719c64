package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ui.ClientView;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.ui.EvaluationView;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormReader;
import org.parcours.formdef.FormSource;
import org.parcours.formrun.FormSession;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.parcours.ui.renderer.FormRenderer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
class EvaluationLifecycleUiTests extends SpringBrowserlessTest {

    @Autowired
    TestData data;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    FormRenderer renderer;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void submittingAnIncompleteFormListsEachProblemWithALinkAndKeepsTheDraft() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiIncomplete");
        navigate(ClientView.class, Map.of(ClientView.CLIENT_ID, String.valueOf(client.id())));
        assertThat(find(Button.class).withId("new-evaluation-casu").exists()).as("CASU has its own request workflow").isFalse();
        assertThat(find(Button.class).withId("new-evaluation-masp-contract").exists()).as("so have MASP contracts").isFalse();
        test(find(Button.class).id("new-evaluation-support-plan")).click();
        test(find(TextField.class).id("item-objectives-1-objective")).setValue("Retrouver un logement");

        test(find(Button.class).id("submit-evaluation")).click();

        Div panel = find(Div.class).id("submit-issues");
        List<Button> links = find(Button.class).from(panel).all();
        assertThat(links).extracting(Button::getText)
                .anySatisfy(t -> assertThat(t).startsWith("Date de l'adhésion").contains("Ce champ est obligatoire"));
        assertThat(find(com.vaadin.flow.component.datepicker.DatePicker.class).id("item-adhesion_date").isInvalid()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM submission s JOIN submission_revision r ON r.submission_id = s.id WHERE s.kind = 'EVALUATION' AND s.client_id = ? AND r.revision_number = 1 AND r.status = 'DRAFT'", Integer.class, client.id()))
                .isEqualTo(1);
    }

    @Test
    void aNewEvaluationOnceSavedNoLongerSaysItIsNotSavedYet() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiAuthorLine");
        navigate(ClientView.class, Map.of(ClientView.CLIENT_ID, String.valueOf(client.id())));
        test(find(Button.class).id("new-evaluation-imasp")).click();
        assertThat(find(Paragraph.class).id("evaluation-author").getText()).isEqualTo("Nouvelle évaluation, pas encore enregistrée");

        test(find(RadioButtonGroup.class).id("item-illness")).selectItem("B");
        test(find(Button.class).id("save-evaluation")).click();

        assertThat(find(Paragraph.class).id("evaluation-author").getText()).startsWith("Auteur : " + TestUsers.WORKER_NORTH);
    }

    @Test
    void anAmendmentNeedsAReasonAndReopensTheEvaluationForEditing() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiAmend");
        EvaluationDetails submitted = evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "A"));
        long id = submitted.id().orElseThrow();
        navigate(EvaluationView.class, Map.of("evaluationId", String.valueOf(id)));
        assertThat(find(RadioButtonGroup.class).id("item-illness").isReadOnly()).isTrue();
        assertThat(find(Button.class).withId("submit-evaluation").exists()).isFalse();

        test(find(Button.class).id("amend-evaluation")).click();
        test(find(Button.class).id("amend-confirm")).click();
        assertThat(find(TextArea.class).id("amend-reason").isInvalid()).isTrue();
        test(find(TextArea.class).id("amend-reason")).setValue("Correction après entretien");
        test(find(Button.class).id("amend-confirm")).click();

        assertThat(find(Span.class).id("evaluation-status").getText()).isEqualTo("Amendement en cours (révision 2)");
        assertThat(find(Paragraph.class).id("amendment-reason").getText()).contains("Correction après entretien");
        assertThat(find(RadioButtonGroup.class).id("item-illness").isReadOnly()).isFalse();
    }

    @Test
    void aSaveOverSomeoneElsesChangeOffersReloadOrCopyAndOverwritesNothing() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiConflict");
        EvaluationDetails draft = evaluations.save(evaluations.blank(client.id(), "imasp"), Map.of("illness", "A"));
        long id = draft.id().orElseThrow();
        navigate(EvaluationView.class, Map.of("evaluationId", String.valueOf(id)));
        evaluations.save(draft, Map.of("illness", "B")); // a colleague saves meanwhile

        test(find(RadioButtonGroup.class).id("item-illness")).selectItem("C");
        test(find(Button.class).id("save-evaluation")).click();

        assertThat(find(Button.class).withId("conflict-reload").exists()).isTrue();
        test(find(Button.class).id("conflict-copy")).click();
        assertThat(data.answerRows(id)).containsEntry("illness", "B");
        assertThat(jdbc.queryForList("""
                SELECT a.answer_value FROM submission e JOIN submission_revision r ON r.submission_id = e.id
                JOIN submission_answer a ON a.revision_id = r.id WHERE e.kind = 'EVALUATION' AND e.client_id = ? AND a.item_id = 'illness' ORDER BY e.id""",
                String.class, client.id())).containsExactly("B", "C");
    }

    @Test
    void anotherTeamsEvaluationIsRefusedByAddressAndTheAttemptIsAudited() {
        ClientSummary south = data.client(TestUsers.TEAM_SOUTH, "UiOtherTeam");
        long id = data.as(TestUsers.WORKER_SOUTH, "WORKER",
                () -> evaluations.save(evaluations.blank(south.id(), "imasp"), Map.of("illness", "A"))).id().orElseThrow();

        navigate(EvaluationView.class, Map.of("evaluationId", String.valueOf(id)));

        assertThat(find(Paragraph.class).id("evaluation-problem").getText())
                .isEqualTo("Cette évaluation n'existe pas ou vous n'y avez pas accès.");
        assertThat(find(RadioButtonGroup.class).withId("item-illness").exists()).isFalse();
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "client", south.id())).contains("ACCESS_DENIED");
    }

    @Test
    void aSensitiveItemIsNotRenderedForARoleThatMayNotSeeIt() {
        FormDefinition form = new FormReader().read(List.of(new FormSource("s.yaml", """
                form: s
                title: { fr: "S", nl: "S", en: "S" }
                sections:
                  - id: main
                    title: { fr: "Main", nl: "Main", en: "Main" }
                    items:
                      - id: open_note
                        type: text
                        label: { fr: "Ouvert", nl: "Open", en: "Open" }
                      - id: medical_detail
                        type: text
                        sensitive: [ADMIN]
                        label: { fr: "Détail médical", nl: "Medisch detail", en: "Medical detail" }
                """))).forms().get("s");
        FormSession session = FormSession.resume(form, Map.of("medical_detail", "secret diagnosis"), LocalDate.of(2026, 11, 23));

        UI.getCurrent().add(renderer.render(session, Locale.FRENCH, Set.of("WORKER")).layout());
        assertThat(find(TextField.class).withId("item-open_note").exists()).isTrue();
        assertThat(find(TextField.class).withId("item-medical_detail").exists()).isFalse();
        assertThat(UI.getCurrent().getElement().getOuterHTML()).doesNotContain("secret diagnosis");

        UI.getCurrent().removeAll();
        UI.getCurrent().add(renderer.render(session, Locale.FRENCH, Set.of("ADMIN")).layout());
        assertThat(find(TextField.class).id("item-medical_detail").getValue()).isEqualTo("secret diagnosis");
        assertThat(session.answersToStore()).containsEntry("medical_detail", "secret diagnosis");
    }
}
