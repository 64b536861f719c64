package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;


import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ui.ClientListView;
import org.parcours.clients.ui.ClientView;
import org.parcours.evaluations.ui.EvaluationView;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
class ImaspUiTests extends SpringBrowserlessTest {

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aWorkerCreatesAClientFromTheListAndLandsOnTheClientFile() {
        navigate(ClientListView.class);
        test(find(Button.class).id("new-client")).click();
        test(find(TextField.class).id("client-last-name")).setValue("Lambert");
        test(find(TextField.class).id("client-first-name")).setValue("Nadia");
        test(find(DatePicker.class).id("client-birth-date")).setValue(LocalDate.of(1988, 11, 4));
        test(find(Button.class).id("create-client")).click();

        assertThat(getCurrentView()).isInstanceOf(ClientView.class);
        assertThat(find(H2.class).id("client-name").getText()).isEqualTo("LAMBERT Nadia");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM client WHERE last_name = 'Lambert' AND first_name = 'Nadia' AND team_id = ?",
                Integer.class, data.teamId(TestUsers.TEAM_NORTH))).isEqualTo(1);
    }

    @Test
    void aMissingNameIsShownAtTheFieldAndTheDialogKeepsWhatWasTyped() {
        navigate(ClientListView.class);
        long before = data.count("client");
        test(find(Button.class).id("new-client")).click();
        test(find(TextField.class).id("client-first-name")).setValue("Sans-Nom");
        test(find(DatePicker.class).id("client-birth-date")).setValue(LocalDate.of(1990, 1, 1));
        test(find(Button.class).id("create-client")).click();

        TextField lastName = find(TextField.class).id("client-last-name");
        assertThat(lastName.isInvalid()).isTrue();
        assertThat(lastName.getErrorMessage()).isEqualTo("Ce champ est obligatoire");
        assertThat(find(TextField.class).id("client-first-name").getValue()).isEqualTo("Sans-Nom");
        assertThat(data.count("client")).isEqualTo(before);
    }

    @Test
    void theImaspRendersFromYamlWithColourCodedChoicesSavesAndReopens() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Imasp");
        navigate(ClientView.class, Map.of(ClientView.CLIENT_ID, String.valueOf(client.id())));
        test(find(Button.class).id("new-evaluation-imasp")).click();

        assertThat(getCurrentView()).isInstanceOf(EvaluationView.class);
        assertThat(find(RadioButtonGroup.class).withAttribute("data-item-type", "scale").all()).hasSize(16);
        RadioButtonGroup<?> illness = find(RadioButtonGroup.class).id("item-illness");
        assertThat(illness.getLabel()).isEqualTo("Maladie / hospitalisation");
        assertThat(find(Span.class).from(illness).all()).extracting(Span::getText, s -> s.getElement().getAttribute("data-colour"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", "green"), org.assertj.core.groups.Tuple.tuple("B", "amber"),
                        org.assertj.core.groups.Tuple.tuple("C", "red"), org.assertj.core.groups.Tuple.tuple("NVT", "neutral"),
                        org.assertj.core.groups.Tuple.tuple("?", "neutral"));

        test(illness).selectItem("B");
        test(find(RadioButtonGroup.class).id("item-homeless")).selectItem("C");
        test(find(TextArea.class).id("item-comment")).setValue("Premier entretien");
        assertThat(illness.getHelperText()).isEqualTo("B – Obstacle, emploi possible avec soutien");
        test(find(Button.class).id("save-evaluation")).click();

        Long evaluationId = jdbc.queryForObject("SELECT id FROM submission WHERE kind = 'EVALUATION' AND client_id = ?", Long.class, client.id());
        // with the "SA and PA" answer the new IMASP started with from the client's status (followed)
        assertThat(data.answerRows(evaluationId)).isEqualTo(Map.of("illness", "B", "homeless", "C", "comment", "Premier entretien",
                "track", "social-professional"));

        navigate(EvaluationView.class, Map.of("evaluationId", String.valueOf(evaluationId)));
        assertThat(find(RadioButtonGroup.class).id("item-illness").getValue()).isEqualTo("B");
        assertThat(find(RadioButtonGroup.class).id("item-homeless").getValue()).isEqualTo("C");
        assertThat(find(RadioButtonGroup.class).id("item-hygiene").getValue()).isNull();
    }

    @Test
    void anotherTeamsEvaluationIsNotShown() {
        ClientSummary south = data.client(TestUsers.TEAM_SOUTH, "Sud");

        navigate(ClientView.class, Map.of(ClientView.CLIENT_ID, String.valueOf(south.id())));

        assertThat(find(com.vaadin.flow.component.html.Paragraph.class).id("client-not-found").getText())
                .isEqualTo("Ce dossier client n'existe pas ou vous n'y avez pas accès.");
        assertThat(find(H2.class).withId("client-name").exists()).isFalse();
    }
}
