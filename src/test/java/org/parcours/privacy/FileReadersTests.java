package org.parcours.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.security.Role;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * "Who read this file": the responsible worker sees every reading and change of the file and of its
 * forms, by person, role and time, a justified access of another team included; a worker who is
 * not responsible for the file, or reads it through a justified access, is refused.
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class FileReadersTests {

    @Autowired
    FileReaders readers;

    @Autowired
    BreakGlass breakGlass;

    @Autowired
    ClientService clients;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theResponsibleWorkerSeesWhoReadOrChangedTheFileAndItsFormsWithTheirRoleNewestFirst() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Readersfile");
        ClientSummary other = data.client(TestUsers.TEAM_NORTH, "Readersother");
        long evaluation = evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "B")).id().orElseThrow();
        evaluations.submit(evaluations.blank(other.id(), "imasp"), Map.of("illness", "A"));
        data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> {
            breakGlass.open(client.id(), "the client came to the south office");
            clients.open(client.id());
            return evaluations.open(evaluation);
        });

        List<FileReaders.Line> lines = readers.of(client.id());

        assertThat(lines).anySatisfy(l -> {
            assertThat(l.who()).isEqualTo(TestUsers.WORKER_SOUTH);
            assertThat(l.action()).isEqualTo("JUSTIFIED_ACCESS_OPENED");
            assertThat(l.detail()).endsWith(": the client came to the south office");
        });
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.who()).isEqualTo(TestUsers.WORKER_SOUTH);
            assertThat(l.roles()).containsExactly(Role.WORKER);
            assertThat(l.action() + " " + l.targetType() + " " + l.targetId()).isEqualTo("EVALUATION_READ evaluation " + evaluation);
        });
        assertThat(lines).anySatisfy(l -> assertThat(l.who() + " " + l.action() + " " + l.targetType())
                .isEqualTo(TestUsers.WORKER_NORTH + " EVALUATION_SUBMITTED evaluation"));
        assertThat(lines).as("only this file and its forms").allSatisfy(l -> assertThat(l.targetType() + " " + l.targetId())
                .isIn("client " + client.id(), "evaluation " + evaluation));
        assertThat(lines).extracting(FileReaders.Line::at).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(jdbc.queryForList("SELECT detail FROM audit_event WHERE action = 'CLIENT_READ' AND actor = ? AND target_id = ?", String.class,
                TestUsers.WORKER_NORTH, String.valueOf(client.id()))).as("reading the list is audited").contains("who read this file: " + lines.size() + " lines");
    }

    @Test
    void aWorkerWhoIsNotResponsibleForTheFileOrReadsItThroughAJustifiedAccessIsRefused() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Readersrefused");
        data.as(TestUsers.ADMIN, "ADMIN", () -> clients.assign(client.id(), data.teamId(TestUsers.TEAM_NORTH), Optional.empty()));

        assertThatThrownBy(() -> readers.of(client.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(data.auditActions(TestUsers.WORKER_NORTH, "client", client.id())).contains("ACCESS_DENIED");
        assertThatThrownBy(() -> data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> {
            breakGlass.open(client.id(), "emergency");
            return readers.of(client.id());
        })).isInstanceOf(AccessDeniedException.class);
        assertThat(data.as(TestUsers.ADMIN, "ADMIN", () -> readers.of(client.id()))).isNotEmpty();
    }
}
