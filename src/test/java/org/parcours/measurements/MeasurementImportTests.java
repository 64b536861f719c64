package org.parcours.measurements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.parcours.clients.ClientSummary;
import org.parcours.committee.HistoryService;
import org.parcours.committee.history.HistoryColumn;
import org.parcours.committee.history.ScoreCell;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.Measurement;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Importing the three eVita measurements of the source documents from a CSV file, on a real
 * database through the real evaluation service: a dry run changes nothing, the import creates
 * submitted measurements with their own dates (the history shows them in date order), importing
 * the same file again adds nothing, and a file with one bad line imports nothing and names it.
 */
@SpringBootTest
@WithUserDetails(TestUsers.ADMIN)
class MeasurementImportTests {

    @Autowired
    MeasurementImport imports;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    HistoryService histories;

    @Autowired
    TestData data;

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The eVita screen: 16/03/2010, a measurement between, and 1/09/2011; hygiene improving. */
    private static String evita(long clientId) {
        return """
                client;measured_on;illness;homeless;hygiene;comment
                %1$d;16/03/2010;C;B;C;Premier entretien
                %1$d;2011-09-01;A;A;A;
                %1$d;2010-11-20;B;A;B;"Suivi; à 8 mois"
                """.formatted(clientId);
    }

    @Test
    void theEvitaMeasurementsAreImportedWithTheirDatesAndShownInDateOrder() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Evita");
        long before = data.count("submission WHERE kind = 'EVALUATION'");

        ImportReport dryRun = imports.dryRun("imasp", csv(evita(client.id())));

        assertThat(dryRun.importable()).isTrue();
        assertThat(dryRun.lines()).extracting(ImportLine::line, ImportLine::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, ImportLine.Outcome.CREATE), org.assertj.core.groups.Tuple.tuple(3, ImportLine.Outcome.CREATE),
                org.assertj.core.groups.Tuple.tuple(4, ImportLine.Outcome.CREATE));
        assertThat(data.count("submission WHERE kind = 'EVALUATION'")).as("a dry run creates nothing").isEqualTo(before);

        ImportReport imported = imports.importFile("imasp", csv(evita(client.id())), "evita.csv");

        assertThat(imported.created()).isEqualTo(3);
        List<Measurement> measured = evaluations.measurements(client, "imasp");
        assertThat(measured).extracting(m -> m.measuredOn().orElseThrow())
                .containsExactly(LocalDate.of(2011, 9, 1), LocalDate.of(2010, 11, 20), LocalDate.of(2010, 3, 16));
        assertThat(measured.getLast().answers()).containsEntry("comment", "Premier entretien").containsEntry("illness", "C");
        assertThat(measured.get(1).answers()).containsEntry("comment", "Suivi; à 8 mois");
        var history = histories.history(client.id(), "imasp").history();
        assertThat(history.columns()).extracting(c -> LocalDate.ofInstant(c.measuredAt(), ZoneOffset.UTC))
                .containsExactly(LocalDate.of(2011, 9, 1), LocalDate.of(2010, 11, 20), LocalDate.of(2010, 3, 16));
        assertThat(history.row("hygiene").orElseThrow().cells()).extracting(c -> c.map(ScoreCell::code).orElse(""))
                .containsExactly("A", "B", "C");
        assertThat(history.columns()).as("without an author column the importer is the author").extracting(HistoryColumn::author)
                .containsOnly(TestUsers.ADMIN);

        ImportReport again = imports.importFile("imasp", csv(evita(client.id())), "evita.csv");

        assertThat(again.created()).as("importing the same file again adds nothing").isZero();
        assertThat(again.lines()).extracting(ImportLine::outcome).containsOnly(ImportLine.Outcome.ALREADY_THERE);
        assertThat(evaluations.measurements(client, "imasp")).hasSize(3);
    }

    @Test
    void progressFollowsTheCheckThenTheCreationOfEachLine() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Progress");
        List<int[]> steps = new java.util.ArrayList<>();

        imports.importFile("imasp", csv(evita(client.id())), "evita.csv", (done, total) -> steps.add(new int[] {done, total}));

        assertThat(steps).extracting(s -> s[1]).as("checking is the first half, creating the second").containsOnly(6);
        assertThat(steps).extracting(s -> s[0]).isSorted().contains(3).last().isEqualTo(6);
    }

    @Test
    void aFileWithOneBadLineImportsNothingAndNamesTheLine() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Badline");
        long noSuchClient = 987_654_321_987L;
        long before = data.count("submission WHERE kind = 'EVALUATION'");
        String file = """
                client;measured_on;illness;hygiene
                %1$d;2010-03-16;C;C
                %1$d;2011-09-01;D;A
                %1$d;2999-01-01;A;A
                %2$d;2011-09-01;A;A
                %1$d;16/03/2010;B;B
                """.formatted(client.id(), noSuchClient);

        ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class,
                () -> imports.importFile("imasp", csv(file), "bad.csv"));

        assertThat(refused).isNotNull();
        assertThat(refused.report().lines()).filteredOn(l -> l.outcome() == ImportLine.Outcome.REFUSED)
                .extracting(ImportLine::line).containsExactly(3, 4, 5, 6);
        assertThat(problemKeys(refused.report(), 3)).containsExactly("import.problem.not-in-scale");
        assertThat(problemKeys(refused.report(), 4)).containsExactly("import.problem.future-date");
        assertThat(problemKeys(refused.report(), 5)).as("a client file that does not exist").containsExactly("import.problem.unknown-client");
        assertThat(problemKeys(refused.report(), 6)).containsExactly("import.problem.duplicate-line");
        assertThat(data.count("submission WHERE kind = 'EVALUATION'")).as("nothing half-imported").isEqualTo(before);
    }

    @Test
    void aWrongHeaderOrATooLargeFileIsRefusedWithAClearReason() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Header");

        ImportReport unknownColumn = imports.dryRun("imasp", csv("client;measured_on;hygien\n" + client.id() + ";2011-09-01;A\n"));
        ImportReport tooLarge = imports.dryRun("imasp", new byte[2_000_000]);

        assertThat(unknownColumn.importable()).isFalse();
        assertThat(unknownColumn.fileProblems()).extracting(ImportProblem::key, ImportProblem::arguments)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("import.problem.unknown-item", List.of("hygien", "imasp")));
        assertThat(tooLarge.fileProblems()).extracting(ImportProblem::key).containsExactly("import.problem.too-large");
    }

    @Test
    void aWorkerCannotImportNorCheckAFile() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Refus");
        long before = data.count("submission WHERE kind = 'EVALUATION'");

        AccessDeniedException checking = catchThrowableOfType(AccessDeniedException.class, () -> data.as(TestUsers.WORKER_NORTH, "WORKER",
                () -> imports.dryRun("imasp", csv(evita(client.id())))));
        AccessDeniedException importing = catchThrowableOfType(AccessDeniedException.class, () -> data.as(TestUsers.WORKER_NORTH, "WORKER",
                () -> imports.importFile("imasp", csv(evita(client.id())), "evita.csv")));

        assertThat(checking).as("importing past measurements, and naming their authors, is for administrators").isNotNull();
        assertThat(importing).isNotNull();
        assertThat(data.count("submission WHERE kind = 'EVALUATION'")).isEqualTo(before);
    }

    @Test
    void aCommitteeMemberCannotImport() {
        AccessDeniedException denied = catchThrowableOfType(AccessDeniedException.class, () -> data.as(TestUsers.COMMITTEE, "COMMITTEE",
                () -> imports.dryRun("imasp", csv("client;measured_on\n"))));

        assertThat(denied).isNotNull();
    }

    @Test
    void aNewEvaluationStartsFromTheLastMeasuredOneNotAnOlderOneImportedLater() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Prefill");
        evaluations.submit(evaluations.blank(client.id(), "imasp"),
                java.util.Map.of("measured_on", "2012-05-01", "illness", "A", "hygiene", "A"));
        imports.importFile("imasp", csv("client;measured_on;illness;hygiene\n" + client.id() + ";16/03/2010;C;C\n"), "old.csv");

        var blank = evaluations.blank(client.id(), "imasp");

        assertThat(blank.answers()).as("carried over from 2012, not from the 2010 measurement entered after it")
                .containsEntry("illness", "A").containsEntry("hygiene", "A");
        assertThat(blank.prefilled()).contains("illness", "hygiene");
        assertThat(blank.previousDate()).contains(LocalDate.of(2012, 5, 1).atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    @Test
    @WithUserDetails(TestUsers.ADMIN)
    void theAuthorColumnNamesWhoMeasuredAndAnUnknownNameIsRefusedOnItsLine() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Auteur");
        String file = """
                client;author;measured_on;illness
                %1$d; Worker ;2010-03-16;C
                %1$d;;2011-09-01;A
                """.formatted(client.id());

        ImportReport imported = imports.importFile("imasp", csv(file), "authors.csv");

        assertThat(imported.created()).isEqualTo(2);
        assertThat(imported.lines()).extracting(ImportLine::author).containsExactly(TestUsers.WORKER_NORTH, TestUsers.ADMIN);
        List<Measurement> measured = evaluations.measurements(client, "imasp");
        assertThat(measured).extracting(Measurement::measuredOn, Measurement::submittedBy).containsExactly(
                org.assertj.core.groups.Tuple.tuple(java.util.Optional.of(LocalDate.of(2011, 9, 1)), TestUsers.ADMIN),
                org.assertj.core.groups.Tuple.tuple(java.util.Optional.of(LocalDate.of(2010, 3, 16)), TestUsers.WORKER_NORTH));
        assertThat(histories.history(client.id(), "imasp").history().columns()).extracting(HistoryColumn::author)
                .containsExactly(TestUsers.ADMIN, TestUsers.WORKER_NORTH);
        assertThat(data.auditActions(TestUsers.ADMIN, "evaluation", measured.getLast().evaluationId()))
                .as("the importer is the one acting").containsExactly("EVALUATION_CREATED", "EVALUATION_SUBMITTED");

        long before = data.count("submission WHERE kind = 'EVALUATION'");
        ImportReport unknown = imports.dryRun("imasp", csv("""
                client;author;measured_on;illness
                %1$d;nobody;2009-01-01;A
                %1$d;worker2;2009-02-01;A
                """.formatted(client.id())));

        assertThat(unknown.importable()).isFalse();
        assertThat(unknown.lines()).filteredOn(l -> l.outcome() == ImportLine.Outcome.REFUSED).extracting(ImportLine::line)
                .containsExactly(2);
        assertThat(unknown.lines().getFirst().problems()).extracting(ImportProblem::key, ImportProblem::arguments)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("import.problem.unknown-author", List.of("nobody")));
        assertThat(data.count("submission WHERE kind = 'EVALUATION'")).isEqualTo(before);
    }

    @Test
    void anXlsxWorkbookIsImportedWithTheSameColumnsAndChecks() throws Exception {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "Classeur");
        byte[] workbook = MeasurementImportTestFiles.xlsx(List.of(
                List.of("client", "measured_on", "illness", "hygiene", "comment"),
                List.of(client.id(), LocalDate.of(2010, 3, 16), "C", "C", "Premier entretien"),
                List.of(),
                List.of(client.id(), "1/09/2011", "A", "A")));

        ImportReport dryRun = imports.dryRun("imasp", workbook);

        assertThat(dryRun.importable()).isTrue();
        assertThat(dryRun.lines()).extracting(ImportLine::line).as("the sheet's row numbers").containsExactly(2, 4);
        ImportReport imported = imports.importFile("imasp", workbook, "evita.xlsx");
        assertThat(imported.created()).isEqualTo(2);
        List<Measurement> measured = evaluations.measurements(client, "imasp");
        assertThat(measured).extracting(m -> m.measuredOn().orElseThrow()).containsExactly(LocalDate.of(2011, 9, 1), LocalDate.of(2010, 3, 16));
        assertThat(measured.getLast().answers()).containsEntry("comment", "Premier entretien").containsEntry("hygiene", "C");
        assertThat(imports.importFile("imasp", workbook, "evita.xlsx").created()).as("again: nothing new").isZero();

        byte[] bad = MeasurementImportTestFiles.xlsx(List.of(List.of("client", "measured_on", "illness"), List.of(client.id(), "2012-01-01", "D")));
        ImportRefusedException refused = catchThrowableOfType(ImportRefusedException.class, () -> imports.importFile("imasp", bad, "bad.xlsx"));
        assertThat(refused).isNotNull();
        assertThat(problemKeys(refused.report(), 2)).containsExactly("import.problem.not-in-scale");

        byte[] damaged = java.util.Arrays.copyOf(workbook, 100);
        assertThat(imports.dryRun("imasp", damaged).fileProblems()).extracting(ImportProblem::key)
                .containsExactly("import.problem.not-readable");
    }

    private static List<String> problemKeys(ImportReport report, int line) {
        return report.lines().stream().filter(l -> l.line() == line).flatMap(l -> l.problems().stream()).map(ImportProblem::key).toList();
    }
}
