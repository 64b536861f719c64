package org.parcours.committee.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
class CompareViewTests extends SpringBrowserlessTest {

    @Autowired
    TestData data;

    @Autowired
    EvaluationService evaluations;

    @Test
    void twoMeasurementsOfOneClientSideBySideWithTheDifferencesMarked() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiCompareMeasurements");
        evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "B", "homeless", "C", "hygiene", "A"));
        evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "B", "homeless", "A", "hygiene", "A"));

        navigate(HistoryView.class, Map.of(HistoryView.CLIENT_ID, String.valueOf(client.id())));
        assertThat(find(RouterLink.class).id("history-compare").getHref()).contains("history/compare", "a=1", "b=0");

        UI.getCurrent().navigate("clients/" + client.id() + "/history/compare", QueryParameters.simple(Map.of("a", "1", "b", "0")));
        assertThat(getCurrentView()).isInstanceOf(MeasurementCompareView.class);
        assertThat(find(Span.class).id("compare-left-homeless").getText()).isEqualTo("C");
        assertThat(find(Span.class).id("compare-right-homeless").getText()).isEqualTo("A");
        assertThat(find(NativeTableRow.class).id("compare-row-homeless").getElement().getAttribute("data-differs")).isEqualTo("true");
        Span marker = find(Span.class).id("compare-diff-homeless");
        assertThat(marker.getText()).isEqualTo("≠");
        assertThat(marker.getElement().getAttribute("aria-label")).isEqualTo("Différent");
        assertThat(find(NativeTableRow.class).id("compare-row-illness").getElement().getAttribute("data-differs")).isEqualTo("false");
        assertThat(find(Span.class).withId("compare-diff-illness").exists()).isFalse();
        assertThat(find(Paragraph.class).id("compare-summary").getText()).startsWith("1 ");

        UI.getCurrent().navigate("clients/" + client.id() + "/history/compare", QueryParameters.simple(Map.of("a", "0", "b", "7")));
        assertThat(find(Paragraph.class).id("compare-message").getText()).contains("deux mesures existantes");
    }

    @Test
    void twoClientsSideBySideWithTheirNewestScoresAndTheDifferencesMarked() {
        ClientSummary left = data.client(TestUsers.TEAM_NORTH, "UiCompareLeft");
        ClientSummary right = data.client(TestUsers.TEAM_NORTH, "UiCompareRight");
        evaluations.submit(evaluations.blank(left.id(), "imasp"), Map.of("illness", "C", "homeless", "A"));
        evaluations.submit(evaluations.blank(left.id(), "imasp"), Map.of("illness", "B"));
        evaluations.submit(evaluations.blank(right.id(), "imasp"), Map.of("illness", "B", "homeless", "C"));

        UI.getCurrent().navigate("committee/compare", QueryParameters.simple(Map.of("left", String.valueOf(left.id()), "right", String.valueOf(right.id()))));

        assertThat(getCurrentView()).isInstanceOf(ClientCompareView.class);
        // the newest answer per factor: left's homeless comes from its older measurement
        assertThat(find(Span.class).id("compare-left-homeless").getText()).isEqualTo("A");
        assertThat(find(Span.class).id("compare-right-homeless").getText()).isEqualTo("C");
        assertThat(find(Span.class).id("compare-diff-homeless").getElement().getAttribute("aria-label")).isEqualTo("Différent");
        assertThat(find(Span.class).id("compare-left-illness").getText()).isEqualTo("B");
        assertThat(find(Span.class).withId("compare-diff-illness").exists()).isFalse();
    }

    @Test
    void anotherTeamsClientIsNotCompared() {
        ClientSummary north = data.client(TestUsers.TEAM_NORTH, "UiCompareNorth");
        ClientSummary south = data.client(TestUsers.TEAM_SOUTH, "UiCompareSouth");

        UI.getCurrent().navigate("committee/compare", QueryParameters.simple(Map.of("left", String.valueOf(north.id()), "right", String.valueOf(south.id()))));

        assertThat(find(Paragraph.class).id("compare-message").getText()).contains("pas accès");
        assertThat(find(Span.class).withId("compare-left-illness").exists()).isFalse();
    }

    @Test
    @WithUserDetails(TestUsers.COMMITTEE)
    void theCommitteePicksTwoClientsByNameAndComparesThemOrOpensAHistory() {
        ClientSummary left = data.client(TestUsers.TEAM_NORTH, "UiPickerNorth");
        ClientSummary right = data.client(TestUsers.TEAM_SOUTH, "UiPickerSouth");
        evaluations.submit(evaluations.blank(left.id(), "imasp"), Map.of("illness", "C"));
        data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> evaluations.submit(evaluations.blank(right.id(), "imasp"), Map.of("illness", "A")));

        UI.getCurrent().navigate("committee/compare");
        assertThat(find(Paragraph.class).id("compare-message").getText()).isNotBlank();
        @SuppressWarnings("unchecked")
        ComboBox<ClientSummary> leftPicker = find(ComboBox.class).id("compare-left");
        @SuppressWarnings("unchecked")
        ComboBox<ClientSummary> rightPicker = find(ComboBox.class).id("compare-right");
        test(leftPicker).setFilter("uipickernorth");
        assertThat(test(leftPicker).getSuggestionItems()).extracting(ClientSummary::id).containsExactly(left.id());
        test(leftPicker).selectItem(test(leftPicker).getSuggestions().getFirst());
        test(rightPicker).setFilter("UiPickerSouth");
        test(rightPicker).selectItem(test(rightPicker).getSuggestions().getFirst());
        test(find(Button.class).id("compare-go")).click();

        assertThat(getCurrentView()).isInstanceOf(ClientCompareView.class);
        assertThat(find(Span.class).id("compare-left-illness").getText()).isEqualTo("C");
        assertThat(find(Span.class).id("compare-right-illness").getText()).isEqualTo("A");
        test(find(Button.class).id("compare-history")).click();
        assertThat(getCurrentView()).isInstanceOf(HistoryView.class);
        assertThat(data.auditActions(TestUsers.COMMITTEE, "client", left.id())).contains("HISTORY_READ");
    }

    @Test
    void aWorkersPickerOffersOnlyTheClientsOfTheirTeam() {
        data.client(TestUsers.TEAM_NORTH, "UiPickerOwnTeam");
        data.client(TestUsers.TEAM_SOUTH, "UiPickerOwnTeam");

        UI.getCurrent().navigate("committee/compare");
        @SuppressWarnings("unchecked")
        ComboBox<ClientSummary> picker = find(ComboBox.class).id("compare-left");
        test(picker).setFilter("UiPickerOwnTeam");

        assertThat(test(picker).getSuggestionItems()).extracting(ClientSummary::teamName).containsOnly(TestUsers.TEAM_NORTH);
        assertThat(test(picker).getSuggestionItems()).hasSize(1);
    }

    @Test
    void twoMeasurementsAreChosenFromSelectsListingTheClientsMeasurements() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiCompareSelects");
        evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "A"));
        evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "B"));
        evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "C"));

        UI.getCurrent().navigate("clients/" + client.id() + "/history/compare", QueryParameters.simple(Map.of("a", "1", "b", "0")));
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.select.Select<Integer> a = find(com.vaadin.flow.component.select.Select.class).id("compare-a");
        assertThat(a.getValue()).isEqualTo(1);
        test(a).selectItem(test(a).getSuggestions().get(2));

        assertThat(find(Span.class).id("compare-left-illness").getText()).isEqualTo("A");
        assertThat(find(Span.class).id("compare-right-illness").getText()).isEqualTo("C");
    }
}
