package org.parcours.evaluations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientSummary;
import org.parcours.security.Role;
import org.parcours.security.UserAccounts;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 11, concurrency: two workers of the same team who opened the same draft press "save" at
 * the same moment, each in a transaction of its own. Exactly one save is stored; the other is
 * refused with {@link ConcurrentEditException} (the view offers reload or copy) and the stored
 * answers are all the winner's: nothing is mixed or silently overwritten.
 */
@SpringBootTest
class ConcurrentSaveTests {

    private static final int ROUNDS = 12;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    UserAccounts accounts;

    @Autowired
    TestData data;

    @Test
    void twoWorkersSavingTheSameDraftAtOnceStoreOneAndTellTheOther() throws Exception {
        String colleague = "north-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(colleague, TestUsers.PASSWORD, "Collègue Nord", Set.of(Role.WORKER), Set.of(TestUsers.TEAM_NORTH));
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Concurrent");
        int conflicts = 0;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < ROUNDS; round++) {
                EvaluationDetails opened = data.as(TestUsers.WORKER_NORTH, "WORKER",
                        () -> evaluations.save(evaluations.blank(client.id(), "imasp"), Map.of("illness", "A")));
                Map<String, String> mine = Map.of("illness", "B", "homeless", "B", "comment", "worker " + round);
                Map<String, String> theirs = Map.of("illness", "C", "hygiene", "C", "comment", "colleague " + round);
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Object> first = pool.submit(() -> attempt(TestUsers.WORKER_NORTH, together, opened, mine));
                Future<Object> second = pool.submit(() -> attempt(colleague, together, opened, theirs));
                List<Object> outcomes = new ArrayList<>(List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS)));

                assertThat(outcomes).as("round %d: one save stored, one refused", round)
                        .filteredOn(EvaluationDetails.class::isInstance).hasSize(1);
                assertThat(outcomes).as("round %d: the refusal is a conflict, nothing else", round)
                        .filteredOn(o -> !(o instanceof EvaluationDetails)).singleElement().isInstanceOf(ConcurrentEditException.class);
                Map<String, String> winner = outcomes.get(0) instanceof EvaluationDetails ? mine : theirs;
                assertThat(data.answerRows(opened.id().orElseThrow())).as("round %d: the stored answers are exactly the winner's", round)
                        .isEqualTo(winner);
                conflicts++;
            }
        }
        System.out.println("concurrent draft saves: " + ROUNDS + " rounds, " + conflicts + " conflicts detected, 0 overwritten");
    }

    private Object attempt(String user, CyclicBarrier together, EvaluationDetails opened, Map<String, String> answers) throws Exception {
        together.await(30, TimeUnit.SECONDS);
        try {
            return data.as(user, "WORKER", () -> evaluations.save(opened, answers));
        } catch (RuntimeException e) {
            return e;
        }
    }
}
