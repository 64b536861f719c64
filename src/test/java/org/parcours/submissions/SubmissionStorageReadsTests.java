package org.parcours.submissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The storage writes a new submission and reads many at once with JDBC, beside its entities: what
 * those reads return is what the entities read (times to the microsecond, the reason, the answers),
 * also within the transaction that wrote it.
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class SubmissionStorageReadsTests {

    @Autowired
    SubmissionStorage storage;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    TestData data;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void bulkReadsReturnWhatTheEntitiesRead() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "StorageReads");
        long version = evaluations.blank(client.id(), "imasp").form().versionId();
        Instant now = Instant.parse("2026-03-04T05:06:07.123456789Z");
        Map<String, String> answers = Map.of("illness", "B", "comment", "Première ligne\nDeuxième « ligne »");

        transactions.executeWithoutResult(status -> {
            StoredForm created = storage.create(SubmissionKind.EVALUATION, client.id(), version, answers, now, "worker");
            long id = created.submission().id();
            assertThat(storage.latest(id).answers()).as("read in the same transaction").isEqualTo(answers);
            assertThat(storage.drafts(SubmissionKind.EVALUATION, List.of(client.id()))).singleElement()
                    .satisfies(f -> assertThat(f.revision()).isEqualTo(storage.latest(id)));
        });
        long id = storage.ofClient(SubmissionKind.EVALUATION, client.id()).getFirst().id();
        StoredRevision draft = storage.latest(id);
        assertThat(draft.createdAt()).isEqualTo(Instant.parse("2026-03-04T05:06:07.123456Z"));
        assertThat(storage.latestOf(List.of(id))).containsEntry(id, draft);
        assertThat(storage.drafts(SubmissionKind.EVALUATION, List.of(client.id()))).singleElement()
                .satisfies(f -> {
                    assertThat(f.revision()).isEqualTo(draft);
                    assertThat(f.submission()).isEqualTo(storage.find(SubmissionKind.EVALUATION, id).orElseThrow());
                });

        StoredRevision submitted = storage.submit(id, draft.lockVersion(), now.plusSeconds(60), "worker");
        StoredRevision amendment = storage.addRevision(id, "correction d'une réponse", Map.of("illness", "A"), now.plusSeconds(120), "worker");
        StoredRevision first = storage.revision(id, 1).orElseThrow();
        assertThat(first.submittedAt()).contains(Instant.parse("2026-03-04T05:07:07.123456Z"));
        assertThat(storage.latestSubmitted(SubmissionKind.EVALUATION, List.of(client.id()), "imasp")).singleElement()
                .satisfies(f -> assertThat(f.revision()).isEqualTo(first));
        assertThat(storage.latestSubmitted(SubmissionKind.EVALUATION, List.of(client.id()), "casu")).isEmpty();
        assertThat(storage.latestOf(List.of(id)).get(id)).isEqualTo(storage.latest(id))
                .satisfies(r -> assertThat(r.reason()).contains("correction d'une réponse"));
        assertThat(submitted.number()).isEqualTo(1);
        assertThat(amendment.number()).isEqualTo(2);
    }
}
