package org.parcours.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcours.aid.AidRequestDetails;
import org.parcours.aid.AidService;
import org.parcours.aid.AidServiceTests;
import org.parcours.clients.ClientSummary;
import org.parcours.contracts.ContractDetails;
import org.parcours.contracts.ContractService;
import org.parcours.contracts.ContractServiceTests;
import org.parcours.formdef.FormDefinition;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The studio's "stored answers this change concerns" counts the CASU requests and MASP contracts
 * that answer a removed item or hold a removed option, drafts included, like evaluations.
 */
@SpringBootTest
class KindsImpactTests {

    @Autowired
    FormStudio studio;

    @Autowired
    AidService aid;

    @Autowired
    ContractService contracts;

    @Autowired
    TestData data;

    @Test
    void removingACasuItemOrOptionShowsHowManyStoredRequestsAnswerIt() {
        String casu = aid.formKey();
        FormDefinition withoutItem = check(casu, text(casu).replaceFirst("(?s)      - id: person_request\\n.*?(?=      - id: situation_assessment)", ""));
        FormDefinition withoutOption = check(casu, text(casu).replaceFirst("(?s)          - code: reserved\\n[^\\n]*\\n", ""));
        int itemBefore = concerned(casu, withoutItem, "person_request");
        int optionBefore = concerned(casu, withoutOption, "worker_opinion");

        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> {
            ClientSummary client = data.client(TestUsers.TEAM_NORTH, "CasuImpact");
            Map<String, String> reserved = AidServiceTests.casu("food", null);
            reserved.put("person_request", "Help with the energy bill");
            reserved.put("worker_opinion", "reserved");
            reserved.put("worker_opinion_reason", "First request this year");
            AidRequestDetails first = aid.create(client.id());
            aid.submit(first.id(), first.lockVersion(), reserved);
            AidRequestDetails draft = aid.create(client.id());
            aid.save(draft.id(), draft.lockVersion(), Map.of("person_request", "Clothes for the children"));
            aid.create(client.id()); // answers neither
            return null;
        });

        assertThat(concerned(casu, withoutItem, "person_request")).as("the submitted request and the draft").isEqualTo(itemBefore + 2);
        assertThat(concerned(casu, withoutOption, "worker_opinion")).as("the request answering 'reserved'").isEqualTo(optionBefore + 1);
    }

    @Test
    void removingAMaspItemShowsHowManyStoredContractsAnswerIt() {
        String masp = contracts.formKey();
        FormDefinition withoutItem = check(masp, text(masp).replaceFirst("(?s)      - id: service_commitments\\n.*?(?=  - id: duration)", ""));
        int before = concerned(masp, withoutItem, "service_commitments");

        data.as(TestUsers.WORKER_NORTH, "WORKER", () -> {
            ClientSummary client = data.client(TestUsers.TEAM_NORTH, "MaspImpact");
            ContractDetails draft = contracts.draft(client.id());
            contracts.sign(draft.id(), draft.lockVersion(), ContractServiceTests.text(LocalDate.now(), 3), LocalDate.now());
            return null;
        });

        assertThat(concerned(masp, withoutItem, "service_commitments")).isEqualTo(before + 1);
    }

    private String text(String formKey) {
        return data.as(TestUsers.ADMIN, "ADMIN", () -> studio.open(formKey)).text();
    }

    private FormDefinition check(String formKey, String text) {
        FormStudio.Check check = data.as(TestUsers.ADMIN, "ADMIN", () -> studio.check(formKey, text));
        assertThat(check.problems()).as("the changed %s is valid", formKey).isEmpty();
        return check.form().orElseThrow();
    }

    /** The count the studio shows beside the change concerning {@code itemId}. */
    private int concerned(String formKey, FormDefinition draft, String itemId) {
        return data.as(TestUsers.ADMIN, "ADMIN", () -> {
            List<FormDiff.Change> changes = studio.diff(formKey, draft).stream().filter(c -> c.itemId().equals(itemId) && c.affectsData()).toList();
            assertThat(changes).as("the change of %s", itemId).singleElement();
            return studio.affectedAnswers(formKey, changes).get(changes.getFirst());
        });
    }
}
