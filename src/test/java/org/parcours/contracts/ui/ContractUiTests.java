package org.parcours.contracts.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ui.ClientView;
import org.parcours.contracts.ContractDetails;
import org.parcours.contracts.ContractService;
import org.parcours.contracts.ContractServiceTests;
import org.parcours.contracts.ContractStatus;
import org.parcours.contracts.EscalationTrigger;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
class ContractUiTests extends SpringBrowserlessTest {

    static final LocalDate TODAY = LocalDate.now();

    @Autowired
    ContractService contracts;

    @Autowired
    TestData data;

    @Test
    void aWorkerStartsAContractFromTheClientFileSeesWhatIsMissingThenSignsIt() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiContrat");
        navigate(ClientView.class, Map.of(ClientView.CLIENT_ID, String.valueOf(client.id())));
        test(find(Button.class).id("client-contracts")).click();
        assertThat(find(com.vaadin.flow.component.html.H2.class).id("contracts-title").getText()).contains("UICONTRAT");
        test(find(Button.class).id("contract-new")).click();

        assertThat(getCurrentView()).isInstanceOf(ContractView.class);
        assertThat(find(Span.class).id("contract-status").getText()).isEqualTo("Brouillon");
        test(find(Button.class).id("contract-sign")).click();
        test(find(Button.class).id("contract-sign-confirm")).click();
        assertThat(find(Div.class).id("contract-issues").getElement().getTextRecursively()).contains("problème(s) empêchent la signature");

        long id = contracts.ofClient(client.id()).getFirst().id();
        ContractDetails draft = contracts.open(id, java.util.Optional.empty());
        contracts.save(id, draft.lockVersion(), ContractServiceTests.text(TODAY, 6));
        navigate(ContractView.class, Map.of(ContractView.CONTRACT_ID, String.valueOf(id)));
        test(find(Button.class).id("contract-sign")).click();
        test(find(Button.class).id("contract-sign-confirm")).click();
        assertThat(find(Span.class).id("contract-status").getText()).isEqualTo("En cours");
        assertThat(find(Paragraph.class).id("contract-terms").getText()).contains("Niveau 1", "(6 mois)");
        assertThat(find(Anchor.class).id("contract-pdf-1").getHref()).isEqualTo("print/contracts/" + id + ".pdf?version=1");
        assertThat(contracts.open(id, java.util.Optional.empty()).contract().status()).isEqualTo(ContractStatus.SIGNED);

        test(find(Button.class).id("contract-renew")).click();
        test(find(Button.class).id("contract-renew-confirm")).click();
        assertThat(find(com.vaadin.flow.component.textfield.IntegerField.class).id("contract-renew-months").getErrorMessage())
                .contains("évaluation préalable");

        test(find(Button.class).id("contract-amend")).click();
        test(find(TextArea.class).id("contract-amend-reason")).setValue("Passage au niveau 2");
        test(find(Button.class).id("contract-amend-confirm")).click();
        assertThat(find(Span.class).id("contract-amending").getText()).contains("avenant");
        assertThat(find(Paragraph.class).id("contract-avenant-reason").getText()).contains("Avenant 1", "Passage au niveau 2");
        assertThat(find(Anchor.class).id("contract-version-1").getText()).contains("Contrat", "signé le");
    }

    @Test
    @SuppressWarnings("unchecked")
    void unpaidMonthsAreCountedOnTheClientsContractsPageAndATriggerIsRecorded() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiImpayes");
        contracts.recordPayment(client.id(), YearMonth.from(TODAY).minusMonths(1), new BigDecimal("400"), BigDecimal.ZERO);
        navigate(ContractsView.class, Map.of(ClientView.CLIENT_ID, String.valueOf(client.id())));
        assertThat(find(Paragraph.class).id("contracts-unpaid-streak").getText()).contains(": 1 ");

        test(find(DatePicker.class).id("payment-month")).setValue(TODAY);
        test(find(BigDecimalField.class).id("payment-due")).setValue(new BigDecimal("400"));
        test(find(BigDecimalField.class).id("payment-paid")).setValue(new BigDecimal("150"));
        test(find(Button.class).id("payment-record")).click();
        assertThat(find(Paragraph.class).id("contracts-unpaid-streak").getText()).contains(": 2 ");
        assertThat(((Grid<?>) find(Grid.class).id("contracts-payments")).getGenericDataView().getItems().count()).isEqualTo(2);

        test(find(Button.class).id("escalation-record")).click();
        ((ComboBox<EscalationTrigger>) find(ComboBox.class).id("escalation-trigger")).setValue(EscalationTrigger.UNPAID_RENT);
        test(find(Button.class).id("escalation-confirm")).click();
        assertThat(((Grid<?>) find(Grid.class).id("contracts-escalations")).getGenericDataView().getItems().count()).isEqualTo(1);
    }

    @Test
    void anotherTeamsWorkerGetsNotFound() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiContratCache");
        long id = contracts.draft(client.id()).id();
        data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> {
            navigate(ContractView.class, Map.of(ContractView.CONTRACT_ID, String.valueOf(id)));
            assertThat(find(Paragraph.class).id("contract-not-found").getText()).contains("n’existe pas");
            navigate(ContractsView.class, Map.of(ClientView.CLIENT_ID, String.valueOf(client.id())));
            assertThat(find(Paragraph.class).id("contracts-not-found").isVisible()).isTrue();
            return null;
        });
    }
}
