package org.parcours.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.aid.AidRequestDetails;
import org.parcours.aid.AidService;
import org.parcours.aid.ui.AidRequestView;
import org.parcours.clients.ClientSummary;
import org.parcours.contracts.ContractDetails;
import org.parcours.contracts.ContractService;
import org.parcours.contracts.ui.ContractView;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Two people editing one aid request, or one contract: the second to save gets the same conflict
 * dialog as on an evaluation (ids {@code conflict-dialog}, {@code conflict-reload},
 * {@code conflict-copy}); nothing is overwritten; "keep mine as a copy" stores what they typed as
 * a new draft, "reload" shows the other's version.
 */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_NORTH)
class ConflictUiTests extends SpringBrowserlessTest {

    @Autowired
    AidService aid;

    @Autowired
    ContractService contracts;

    @Autowired
    TestData data;

    @Test
    void twoPeopleEditingOneAidRequestGetTheConflictDialogAndMineIsKeptAsACopy() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "ConflictCasu");
        AidRequestDetails request = aid.create(client.id());
        navigate(AidRequestView.class, Map.of(AidRequestView.REQUEST_ID, String.valueOf(request.id())));

        // meanwhile a colleague saves the same request; my next change is autosaved against it
        Map<String, String> theirs = new java.util.HashMap<>(request.answers());
        theirs.put("situation_assessment", "Theirs: rent arrears");
        aid.save(request.id(), request.lockVersion(), theirs);
        test(find(TextArea.class).id("item-situation_assessment")).setValue("Mine: energy debt");

        assertThat(find(Dialog.class).id("conflict-dialog").isOpened()).isTrue();
        assertThat(aid.open(request.id()).answers()).as("nothing overwritten").containsEntry("situation_assessment", "Theirs: rent arrears");
        test(find(Button.class).id("conflict-copy")).click();

        assertThat(getCurrentView()).isInstanceOf(AidRequestView.class);
        assertThat(aid.ofClient(client.id())).hasSize(2);
        long copy = aid.ofClient(client.id()).stream().mapToLong(s -> s.id()).filter(id -> id != request.id()).findFirst().orElseThrow();
        assertThat(aid.open(copy).answers()).containsEntry("situation_assessment", "Mine: energy debt");
        assertThat(aid.open(request.id()).answers()).containsEntry("situation_assessment", "Theirs: rent arrears");
    }

    @Test
    void aHalfFilledAidRequestAndContractAreSavedWithoutPressingSave() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "AutosaveKinds");
        AidRequestDetails request = aid.create(client.id());
        navigate(AidRequestView.class, Map.of(AidRequestView.REQUEST_ID, String.valueOf(request.id())));
        test(find(TextArea.class).id("item-situation_assessment")).setValue("Half-filled: energy debt");

        assertThat(aid.open(request.id()).answers()).containsEntry("situation_assessment", "Half-filled: energy debt");
        assertThat(find(com.vaadin.flow.component.html.Span.class).id("aid-save-state").getText()).startsWith("Brouillon enregistré");

        ContractDetails draft = contracts.draft(client.id());
        navigate(ContractView.class, Map.of(ContractView.CONTRACT_ID, String.valueOf(draft.id())));
        test(find(TextArea.class).id("item-service_commitments")).setValue("Half-filled: meet every fortnight");

        assertThat(contracts.open(draft.id(), java.util.Optional.empty()).answers())
                .containsEntry("service_commitments", "Half-filled: meet every fortnight");
    }

    @Test
    void twoPeopleEditingOneContractGetTheConflictDialogAndReloadShowsTheirs() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "ConflictMasp");
        ContractDetails draft = contracts.draft(client.id());
        navigate(ContractView.class, Map.of(ContractView.CONTRACT_ID, String.valueOf(draft.id())));

        contracts.save(draft.id(), draft.lockVersion(), Map.of("person_commitments", "Theirs: meet every fortnight"));
        test(find(TextArea.class).id("item-person_commitments")).setValue("Mine: bring the receipts");
        test(find(Button.class).id("contract-save")).click();

        assertThat(find(Dialog.class).id("conflict-dialog").isOpened()).isTrue();
        test(find(Button.class).id("conflict-reload")).click();

        assertThat(find(TextArea.class).id("item-person_commitments").getValue()).isEqualTo("Theirs: meet every fortnight");
        assertThat(contracts.ofClient(client.id())).as("no copy on reload").hasSize(1);
        assertThat(contracts.open(draft.id(), java.util.Optional.empty()).answers())
                .containsEntry("person_commitments", "Theirs: meet every fortnight");
    }
}
