package org.parcours.aid.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.aid.AidRequestDetails;
import org.parcours.aid.AidService;
import org.parcours.aid.AidServiceTests;
import org.parcours.aid.BoardRow;
import org.parcours.aid.SchemeDecision;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.ui.ClientView;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
class AidUiTests extends SpringBrowserlessTest {

    @Autowired
    AidService aid;

    @Autowired
    TestData data;

    @Test
    void aWorkerStartsARequestFromTheClientFileAndSeesWhatIsMissingBeforeSending() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiCasu");
        navigate(ClientView.class, Map.of(ClientView.CLIENT_ID, String.valueOf(client.id())));
        test(find(Button.class).id("client-aid-requests")).click();
        test(find(Button.class).id("aid-request-new")).click();
        assertThat(getCurrentView()).isInstanceOf(AidRequestView.class);
        assertThat(find(Span.class).id("aid-status").getText()).isEqualTo("Brouillon");
        test(find(Button.class).id("aid-submit")).click();
        assertThat(find(Div.class).id("aid-issues").getElement().getTextRecursively()).contains("empêchent l’envoi");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachSchemeIsDecidedOnItsOwnAndTheBoardShowsWhatIsStillPending() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiCasuDecide");
        AidRequestDetails draft = aid.create(client.id());
        AidRequestDetails submitted = aid.submit(draft.id(), draft.lockVersion(), AidServiceTests.casu("fsl-energy", "300.00", "food", null));

        navigate(AidBoardView.class);
        assertThat(((Grid<BoardRow>) find(Grid.class).id("aid-board")).getGenericDataView().getItems()
                .filter(r -> r.requestId() == draft.id()).map(BoardRow::scheme))
                .containsExactly("Fonds de solidarité logement – énergie", "Aide alimentaire");

        navigate(AidRequestView.class, Map.of(AidRequestView.REQUEST_ID, String.valueOf(draft.id())));
        assertThat(find(Span.class).id("aid-status").getText()).isEqualTo("En attente");
        // the grid's "decision" buttons are not rendered without a browser: open the same dialog as its button does
        ((AidRequestView) getCurrentView()).askDecision(submitted.schemes().get(1));
        ((RadioButtonGroup<SchemeDecision>) find(RadioButtonGroup.class).id("aid-decision")).setValue(SchemeDecision.REFUSED);
        test(find(TextField.class).id("aid-decision-decider")).setValue("Banque alimentaire");
        test(find(Button.class).id("aid-decision-save")).click();
        assertThat(find(Paragraph.class).id("aid-decision-error").getText()).contains("motivé");
        test(find(TextArea.class).id("aid-decision-motivation")).setValue("Hors secteur");
        test(find(Button.class).id("aid-decision-save")).click();
        assertThat(find(Span.class).id("aid-status").getText()).isEqualTo("Partiellement décidée");

        navigate(AidBoardView.class);
        assertThat(((Grid<BoardRow>) find(Grid.class).id("aid-board")).getGenericDataView().getItems()
                .filter(r -> r.requestId() == draft.id()).map(BoardRow::scheme)).containsExactly("Fonds de solidarité logement – énergie");
        assertThat(submitted.schemes()).hasSize(2);
    }

    @Test
    void anotherTeamsWorkerGetsNotFound() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiCasuHidden");
        long id = aid.create(client.id()).id();
        data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> {
            navigate(AidRequestView.class, Map.of(AidRequestView.REQUEST_ID, String.valueOf(id)));
            assertThat(find(Paragraph.class).id("aid-not-found").getText()).contains("n’existe pas");
            return null;
        });
    }
}
