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
        long before = data.count("evaluation");

        assertThatThrownBy(() -> evaluations.save(evaluations.blank(client.id(), "imasp"), Map.of("illness", "D", "no_such_item", "A")))
                .isInstanceOfSatisfying(InvalidAnswersException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("illness", "no_such_item"));
        assertThat(data.count("evaluation")).isEqualTo(before);
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
}
