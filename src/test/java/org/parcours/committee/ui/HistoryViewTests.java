package org.parcours.committee.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ClientUpdate;
import org.parcours.clients.ui.ClientView;
import org.parcours.evaluations.EvaluationService;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
class HistoryViewTests extends SpringBrowserlessTest {

    @Autowired
    TestData data;

    @Autowired
    EvaluationService evaluations;

    @Test
    void theHistoryShowsColouredCodesNewestFirstWithTrendsAndThePersistentProblemFlag() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiHistory");
        evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "B", "homeless", "C", "hygiene", "A"));
        evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "C", "homeless", "B", "hygiene", "A"));
        evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "C", "homeless", "A", "hygiene", "NVT"));

        navigate(HistoryView.class, Map.of(HistoryView.CLIENT_ID, String.valueOf(client.id())));

        assertThat(getCurrentView()).isInstanceOf(HistoryView.class);
        Span newest = find(Span.class).id("history-cell-homeless-0");
        assertThat(newest.getText()).isEqualTo("A");
        assertThat(newest.getElement().getAttribute("data-colour")).isEqualTo("green");
        assertThat(newest.getClassNames()).contains("score-cell", "score-green");
        assertThat(newest.getElement().getAttribute("title")).isEqualTo("Pas d'obstacle");
        Span oldest = find(Span.class).id("history-cell-homeless-2");
        assertThat(oldest.getText()).isEqualTo("C");
        assertThat(oldest.getElement().getAttribute("data-colour")).isEqualTo("red");
        assertThat(oldest.getClassNames()).contains("score-red").doesNotContain("score-green");

        assertThat(find(NativeTableHeaderCell.class).withId("history-col-0").exists()).isTrue();
        assertThat(find(NativeTableHeaderCell.class).withId("history-col-3").exists()).isFalse();
        assertThat(find(NativeTableHeaderCell.class).id("history-col-0").getElement().getTextRecursively()).contains(TestUsers.WORKER_NORTH);

        Span homelessTrend = find(Span.class).id("history-trend-homeless");
        assertThat(homelessTrend.getText()).isEqualTo("▲");
        assertThat(homelessTrend.getElement().getAttribute("aria-label")).isEqualTo("En amélioration depuis la mesure précédente");
        assertThat(find(Span.class).id("history-trend-illness").getText()).isEqualTo("=");
        assertThat(find(Span.class).id("history-trend-hygiene").getElement().getAttribute("data-trend")).isEqualTo("UNKNOWN");
        assertThat(find(NativeTableRow.class).id("history-row-illness").getElement().getAttribute("data-removed")).isEqualTo("false");

        Div flags = find(Div.class).id("history-flags");
        ListItem flag = find(ListItem.class).from(flags).id("history-flag-illness");
        assertThat(flag.getText()).contains("Maladie / hospitalisation", "3 dernières mesures", "(C)", "(B)").doesNotContain("R5");
        assertThat(find(ListItem.class).withId("history-flag-homeless").exists()).isFalse();
    }

    @Autowired
    ClientService clients;

    @Test
    void theHistoryShowsTheAgeRuleWithItsPolicyNumberAndTheUnfitRule() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiHistoryAge");
        LocalDate born = LocalDate.now().minusYears(61);
        ClientUpdate u = ClientUpdate.of(client);
        clients.update(client.id(), new ClientUpdate(u.firstName(), u.lastName(), born, u.nationalRegisterNumber(), u.phone(),
                u.email(), u.address(), u.followUpStart(), u.status(), u.statusSince(), u.statusReason(), u.household()));

        navigate(HistoryView.class, Map.of(HistoryView.CLIENT_ID, String.valueOf(client.id())));

        Div panel = find(Div.class).id("history-rule-flags");
        // the declared rule says what it means, with its policy number, never an internal code
        ListItem age = find(ListItem.class).from(panel).id("history-rule-social-only-automatic");
        assertThat(age.getText()).contains("60 ans", "automatiquement").doesNotContain("R3", "imasp.");

        ClientSummary young = data.client(TestUsers.TEAM_NORTH, "UiHistoryUnfit");
        navigate(HistoryView.class, Map.of(HistoryView.CLIENT_ID, String.valueOf(young.id())));
        assertThat(find(Paragraph.class).withId("history-rule-flags-none").exists()).isTrue();
        clients.recordPermanentlyUnfit(young.id(), LocalDate.now().minusDays(1));
        navigate(HistoryView.class, Map.of(HistoryView.CLIENT_ID, String.valueOf(young.id())));
        assertThat(find(ListItem.class).id("history-rule-social-only-automatic").getText()).contains("inapte").doesNotContain("R3");
    }

    @Test
    void theClientFileLeadsToTheHistory() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiHistoryLink");
        navigate(ClientView.class, Map.of(ClientView.CLIENT_ID, String.valueOf(client.id())));

        test(find(Button.class).id("client-history")).click();

        assertThat(getCurrentView()).isInstanceOf(HistoryView.class);
        assertThat(find(Paragraph.class).id("history-empty").getText()).isEqualTo("Aucune mesure soumise pour ce dossier.");
    }

    @Test
    void anotherTeamsClientIsRefused() {
        ClientSummary south = data.client(TestUsers.TEAM_SOUTH, "UiHistorySouth");
        data.as(TestUsers.WORKER_SOUTH, "WORKER",
                () -> evaluations.submit(evaluations.blank(south.id(), "imasp"), Map.of("illness", "B")));

        navigate(HistoryView.class, Map.of(HistoryView.CLIENT_ID, String.valueOf(south.id())));

        assertThat(find(Paragraph.class).id("history-not-found").getText()).contains("pas accès");
        assertThat(find(Span.class).withId("history-cell-illness-0").exists()).isFalse();
    }
}
