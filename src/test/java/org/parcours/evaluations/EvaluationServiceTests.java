package org.parcours.evaluations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientSummary;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class EvaluationServiceTests {

    @Autowired
    EvaluationService evaluations;

    @Autowired
    TestData data;

    @Test
    void answersAreStoredAsRowsAgainstTheFormVersionAndReopenWithIt() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Rows");
        EvaluationDetails blank = evaluations.blank(client.id(), "imasp");

        EvaluationDetails saved = evaluations.save(blank, Map.of("illness", "B", "homeless", "C", "hygiene", "", "comment", "Suivi à 3 mois"));

        long id = saved.id().orElseThrow();
        assertThat(data.answerRows(id)).containsExactlyInAnyOrderEntriesOf(
                Map.of("illness", "B", "homeless", "C", "comment", "Suivi à 3 mois"));
        EvaluationDetails reopened = evaluations.open(id);
        assertThat(reopened.form().versionId()).isEqualTo(blank.form().versionId());
        assertThat(reopened.answers()).containsEntry("illness", "B").doesNotContainKey("hygiene");
        assertThat(evaluations.ofClient(client.id())).singleElement()
                .satisfies(s -> assertThat(s.answered()).isEqualTo(3));
    }

    @Test
    void aSecondSaveReplacesChangedAndClearedAnswers() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Resave");
        EvaluationDetails first = evaluations.save(evaluations.blank(client.id(), "imasp"), Map.of("illness", "B", "homeless", "C"));

        EvaluationDetails second = evaluations.save(first, Map.of("illness", "A", "homeless", ""));

        assertThat(data.answerRows(second.id().orElseThrow())).containsExactlyEntriesOf(Map.of("illness", "A"));
    }

    @Test
    void valuesOutsideTheScaleAndUnknownItemsAreRejectedWithNothingStored() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Invalid");
        long before = data.count("submission");

        assertThatThrownBy(() -> evaluations.save(evaluations.blank(client.id(), "imasp"), Map.of("illness", "D", "no_such_item", "A")))
                .isInstanceOfSatisfying(InvalidAnswersException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("illness", "no_such_item"));
        assertThat(data.count("submission")).isEqualTo(before);
    }

    @Test
    void aSaveBasedOnAnOutdatedCopyIsRefusedAndOverwritesNothing() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Conflict");
        EvaluationDetails opened = evaluations.save(evaluations.blank(client.id(), "imasp"), Map.of("illness", "A"));
        evaluations.save(opened, Map.of("illness", "B"));

        assertThatThrownBy(() -> evaluations.save(opened, Map.of("illness", "C"))).isInstanceOf(ConcurrentEditException.class);
        assertThat(data.answerRows(opened.id().orElseThrow())).containsEntry("illness", "B");
    }

    @Test
    void anotherTeamsWorkerCannotOpenTheEvaluation() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Private");
        long id = evaluations.save(evaluations.blank(client.id(), "imasp"), Map.of("illness", "A")).id().orElseThrow();

        assertThatThrownBy(() -> data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> evaluations.open(id)))
                .isInstanceOf(EvaluationNotFoundException.class);
        assertThat(data.auditActions(TestUsers.WORKER_SOUTH, "client", client.id())).contains("ACCESS_DENIED");
    }

    @Test
    void submittingAnIncompleteFormListsWhatIsMissingAndKeepsTheDraft() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Incomplete");

        assertThatThrownBy(() -> evaluations.submit(evaluations.blank(client.id(), "casu"), Map.of("applicant_first_name", "Ana")))
                .isInstanceOfSatisfying(IncompleteEvaluationException.class, e -> {
                    assertThat(e.issues()).extracting(i -> i.path()).contains("applicant_last_name", "data_sharing_consent");
                    assertThat(e.issues()).allSatisfy(i -> assertThat(i.kind()).isNotNull());
                    assertThat(e.saved().id()).isPresent();
                    assertThat(e.saved().status()).isEqualTo(EvaluationStatus.DRAFT);
                    assertThat(data.answerRows(e.saved().id().get())).containsEntry("applicant_first_name", "Ana");
                });
    }

    @Test
    void aSubmittedEvaluationIsImmutableAndAnAmendmentIsANewRevisionWithItsReason() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Amended");
        EvaluationDetails submitted = evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "B", "homeless", "A"));
        long id = submitted.id().orElseThrow();
        assertThat(submitted.status()).isEqualTo(EvaluationStatus.SUBMITTED);
        assertThat(submitted.editable()).isFalse();

        assertThatThrownBy(() -> evaluations.save(submitted, Map.of("illness", "C"))).isInstanceOf(NotEditableException.class);
        assertThatThrownBy(() -> evaluations.amend(id, "  ")).isInstanceOf(AmendmentReasonException.class);

        EvaluationDetails amendment = evaluations.amend(id, "Erreur de saisie sur la maladie");
        assertThat(amendment.revisionNumber()).isEqualTo(2);
        assertThat(amendment.status()).isEqualTo(EvaluationStatus.AMENDING);
        assertThat(amendment.answers()).containsEntry("illness", "B");
        assertThat(amendment.revision().flatMap(RevisionSummary::reason)).contains("Erreur de saisie sur la maladie");
        assertThat(evaluations.open(id).revision().flatMap(RevisionSummary::reason)).contains("Erreur de saisie sur la maladie");
        EvaluationDetails resubmitted = evaluations.submit(amendment, Map.of("illness", "C", "homeless", "A"));

        assertThat(resubmitted.status()).isEqualTo(EvaluationStatus.SUBMITTED);
        assertThat(data.answerRows(id, 1)).containsEntry("illness", "B");
        assertThat(data.answerRows(id, 2)).containsEntry("illness", "C");
        assertThat(resubmitted.revisions()).extracting(RevisionSummary::number).containsExactly(1, 2);
        assertThat(resubmitted.revisions().get(1).reason()).contains("Erreur de saisie sur la maladie");
        assertThat(evaluations.openRevision(id, 1).answers()).containsEntry("illness", "B");
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "evaluation", id))
                .contains("EVALUATION_CREATED", "EVALUATION_SUBMITTED", "EVALUATION_AMENDED");
    }

    @Test
    void prefilledItemsStartWithTheLastSubmittedAnswers() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Prefill");
        evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "B", "hygiene", "C", "comment", "not carried"));

        EvaluationDetails next = evaluations.blank(client.id(), "imasp");

        assertThat(next.answers()).containsEntry("illness", "B").containsEntry("hygiene", "C").doesNotContainKey("comment");
        assertThat(next.prefilled()).contains("illness", "hygiene").doesNotContain("comment");
        assertThat(next.previous()).containsEntry("comment", "not carried");
        assertThat(next.previousDate()).isPresent();
    }

    @Test
    void keepingMineAsACopyAfterAConflictCreatesAnotherDraft() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Copy");
        EvaluationDetails opened = evaluations.save(evaluations.blank(client.id(), "imasp"), Map.of("illness", "A"));
        evaluations.save(opened, Map.of("illness", "B"));

        EvaluationDetails copy = evaluations.saveAsCopy(opened, Map.of("illness", "C"));

        assertThat(copy.id()).isPresent().isNotEqualTo(opened.id());
        assertThat(data.answerRows(opened.id().orElseThrow())).containsEntry("illness", "B");
        assertThat(data.answerRows(copy.id().orElseThrow())).containsEntry("illness", "C");
    }

    @Test
    void theWorklistLearnsLastSubmissionsAndDraftsOfTheGivenClientsOnly() {
        ClientSummary submittedClient = data.client(TestUsers.TEAM_NORTH, "WlSubmitted");
        ClientSummary draftClient = data.client(TestUsers.TEAM_NORTH, "WlDraft");
        evaluations.submit(evaluations.blank(submittedClient.id(), "imasp"), Map.of("illness", "A"));
        long draft = evaluations.save(evaluations.blank(draftClient.id(), "imasp"), Map.of("illness", "B")).id().orElseThrow();

        assertThat(evaluations.lastSubmittedDates(java.util.List.of(submittedClient.id(), draftClient.id()), "imasp"))
                .containsOnlyKeys(submittedClient.id());
        assertThat(evaluations.lastSubmittedDates(java.util.List.of(submittedClient.id()), "casu")).isEmpty();
        assertThat(evaluations.inProgress(java.util.List.of(submittedClient.id(), draftClient.id())))
                .extracting(EvaluationSummary::id).containsExactly(draft);
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void aNewEvaluationReadInTheSameTransactionHasItsAnswersTimesAndPreviousMeasurement() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "SameTx");
        evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "C"));
        EvaluationDetails blank = evaluations.blank(client.id(), "imasp");
        assertThat(blank.previous()).containsEntry("illness", "C");

        transactions.executeWithoutResult(status -> {
            EvaluationDetails saved = evaluations.save(blank, Map.of("illness", "A", "comment", "Même transaction"));
            EvaluationDetails reopened = evaluations.open(saved.id().orElseThrow());

            assertThat(reopened.answers()).containsExactlyInAnyOrderEntriesOf(Map.of("illness", "A", "comment", "Même transaction"));
            assertThat(reopened.updatedAt().orElseThrow())
                    .isEqualTo(saved.updatedAt().orElseThrow().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            assertThat(reopened.lockVersion()).isEqualTo(saved.lockVersion());
            assertThat(saved.previous()).as("the previous measurement shown stays").isEqualTo(reopened.previous())
                    .containsEntry("illness", "C");
            assertThat(saved.previousDate()).isEqualTo(reopened.previousDate());
            assertThat(saved.revisions()).isEqualTo(reopened.revisions().stream()
                    .map(r -> new RevisionSummary(r.number(), r.status(), r.reason(), r.createdBy(), saved.revisions().getFirst().createdAt(),
                            r.submittedBy(), r.submittedAt())).toList());
        });
    }
}
