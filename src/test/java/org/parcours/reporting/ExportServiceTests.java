package org.parcours.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parcours.reporting.ExportFixture.csv;
import static org.parcours.reporting.ExportFixture.entries;
import static org.parcours.reporting.ExportFixture.submit;
import static org.parcours.reporting.ExportFixture.version;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.NationalRegisterNumber;
import org.parcours.clients.NewClient;
import org.parcours.evaluations.EvaluationService;
import org.parcours.reporting.ExportService.ExportRequest;
import org.parcours.reporting.ExportService.ExportResult;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class ExportServiceTests {

    @Autowired
    ExportService exports;

    @Autowired
    FormCatalog catalog;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    ClientService clients;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    private List<PublishedForm> publishThreeVersions(String key) {
        return List.of(catalog.publishText(key, version(key, 1)), catalog.publishText(key, version(key, 2)),
                catalog.publishText(key, version(key, 3)));
    }

    private byte[] export(String key, ExportFormat format, boolean anonymised) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> steps = new ArrayList<>();
        ExportResult result = exports.export(new ExportRequest(key, format, anonymised, Locale.FRENCH), out, (done, total) -> steps.add(done));
        assertThat(steps).as("progress reported from 0 to the end").startsWith(0).endsWith(steps.getLast()).hasSizeGreaterThan(1);
        assertThat(result.fileName()).endsWith(anonymised ? "-anonymised." + format.extension() : "." + format.extension());
        return out.toByteArray();
    }

    private static List<String> column(List<List<String>> records, String header) {
        int index = records.getFirst().indexOf(header);
        assertThat(index).as("column " + header + " in " + records.getFirst()).isGreaterThanOrEqualTo(0);
        return records.stream().skip(1).map(r -> r.get(index)).toList();
    }

    @Test
    void columnsAreTheUnionOfThreeVersionsInVersionOrderAndOlderRowsStayEmptyWhereTheirVersionHadNoItem() {
        String key = "export_columns";
        List<PublishedForm> versions = publishThreeVersions(key);
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "ExportColumns");
        long v1 = submit(evaluations, client, versions.get(0), Map.of("q1", "a", "removed_later", "7", "comment", "un",
                "household", "1", "household.1.member_name", "Anna", "household.1.member_birth_date", "2010-03-04"));
        long v2 = submit(evaluations, client, versions.get(1), Map.of("q1", "b", "removed_later", "8", "added_v2", "12"));
        long v3 = submit(evaluations, client, versions.get(2), Map.of("q1", "a", "added_v3", "true", "added_v2", "-3",
                "household", "2", "household.1.member_role", "child", "household.2.member_name", "Bert"));

        Map<String, String> files = entries(export(key, ExportFormat.CSV, false));

        assertThat(files.keySet()).containsExactly(key + ".csv", key + "-household.csv");
        List<List<String>> main = csv(files.get(key + ".csv"));
        assertThat(main.getFirst()).containsExactly("evaluation_id", "client_id", "client_last_name", "client_first_name", "team",
                "form_version", "revision", "submitted_at", "submitted_by",
                "Question un (v3) [q1]", "Retiré plus tard [removed_later]", "Commentaire [comment]", "Ajouté en v2 [added_v2]",
                "Ajouté en v3 [added_v3]");
        assertThat(column(main, "evaluation_id")).containsExactly(String.valueOf(v3), String.valueOf(v2), String.valueOf(v1));
        assertThat(column(main, "form_version")).containsExactly("3", "2", "1");
        assertThat(column(main, "Retiré plus tard [removed_later]")).containsExactly("", "8", "7");
        assertThat(column(main, "Ajouté en v2 [added_v2]")).containsExactly("-3", "12", "");
        assertThat(column(main, "Ajouté en v3 [added_v3]")).containsExactly("true", "", "");
        assertThat(column(main, "client_last_name")).containsOnly("ExportColumns");

        List<List<String>> household = csv(files.get(key + "-household.csv"));
        assertThat(household.getFirst()).containsExactly("evaluation_id", "row", "Nom [member_name]", "Né le [member_birth_date]",
                "Rôle [member_role]");
        assertThat(household.subList(1, household.size())).containsExactly(
                List.of(String.valueOf(v3), "1", "", "", "child"),
                List.of(String.valueOf(v3), "2", "Bert", "", ""),
                List.of(String.valueOf(v1), "1", "Anna", "2010-03-04", ""));

        // the same columns in the workbook, with numbers stored as numbers
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export(key, ExportFormat.XLSX, false)))) {
            Sheet sheet = book.getSheet("main");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).isEqualTo(main.getFirst());
            assertThat(book.getSheet("household").getLastRowNum()).isEqualTo(3);
            Row newest = sheet.getRow(1);
            org.apache.poi.ss.usermodel.Cell addedV2 = newest.getCell(header.indexOf("Ajouté en v2 [added_v2]"));
            assertThat(addedV2.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(addedV2.getNumericCellValue()).isEqualTo(-3.0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void cellsThatSpreadsheetsWouldRunAsFormulasAreNeutralisedInCsvAndXlsx() {
        String key = "export_injection";
        List<PublishedForm> versions = publishThreeVersions(key);
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "=cmd|' /C calc'!A0");
        List<String> dangerous = List.of("=HYPERLINK(\"http://evil.example\",\"clic\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\tx", "\r=1+1");
        for (String text : dangerous) {
            submit(evaluations, client, versions.get(2), Map.of("q1", "a", "comment", text, "added_v2", "-5"));
        }

        List<List<String>> main = csv(entries(export(key, ExportFormat.CSV, false)).get(key + ".csv"));

        List<String> comments = column(main, "Commentaire [comment]");
        assertThat(comments).hasSameElementsAs(dangerous.stream().map(text -> "'" + text).toList());
        assertThat(column(main, "client_last_name")).containsOnly("'=cmd|' /C calc'!A0");
        assertThat(column(main, "Ajouté en v2 [added_v2]")).as("a plain negative number is a number, not a formula").containsOnly("-5");
        assertThat(Cells.neutralise("Dupont")).isEqualTo("Dupont");
        assertThat(Cells.csvRecord(List.of("a,b", "say \"hi\"", "x\r\ny"))).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"x\r\ny\"");

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export(key, ExportFormat.XLSX, false)))) {
            Sheet sheet = book.getSheet("main");
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            Set<String> cells = new HashSet<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Cell cell = sheet.getRow(r).getCell(header.indexOf("Commentaire [comment]"));
                assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
                cells.add(cell.getStringCellValue());
            }
            assertThat(cells).allMatch(text -> text.startsWith("'"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private ClientSummary identifiedClient(String team, String worker, String first, String last, LocalDate born, String nineDigits) {
        String nrn = nineDigits + String.format("%02d", NationalRegisterNumber.checkDigitsBefore2000(nineDigits));
        return data.as(worker, "WORKER", () -> clients.create(new NewClient(first, last, born, data.teamId(team), nrn, null)));
    }

    @Test
    void anAnonymisedExportContainsNoNameRegisterNumberOrFreeTextOfAnyClient() {
        String key = "export_anonymised";
        List<PublishedForm> versions = publishThreeVersions(key);
        List<ClientSummary> people = List.of(
                identifiedClient(TestUsers.TEAM_NORTH, TestUsers.WORKER_NORTH, "Ermengarde", "Vandersmissen", LocalDate.of(1985, 7, 30), "850730033"),
                identifiedClient(TestUsers.TEAM_NORTH, TestUsers.WORKER_NORTH, "Lodewijk", "Quaghebeur", LocalDate.of(1958, 1, 12), "580112457"),
                identifiedClient(TestUsers.TEAM_NORTH, TestUsers.WORKER_NORTH, "Philomène", "Dewaelheyns", LocalDate.of(2001, 11, 2), "011102398"));
        for (ClientSummary person : people) {
            for (PublishedForm version : versions) {
                submit(evaluations, person, version, Map.of("q1", "a", "comment", person.lastName() + " " + person.firstName() + " a appelé",
                        "household", "1", "household.1.member_name", person.firstName() + " junior",
                        "household.1.member_birth_date", "2015-06-01"));
            }
        }

        for (ExportFormat format : ExportFormat.values()) {
            byte[] file = export(key, format, true);
            String everything = String.join("\n", entries(file).values());
            for (ClientSummary person : people) {
                assertThat(everything).as(format + ": names, register numbers, birth dates and ids of " + person.lastName())
                        .doesNotContain(person.lastName(), person.firstName(), person.nationalRegisterNumber(),
                                NationalRegisterNumber.format(person.nationalRegisterNumber()),
                                person.birthDate().toString(), "a appelé", "junior", "2015-06-01");
            }
        }

        Map<String, String> files = entries(export(key, ExportFormat.CSV, true));
        List<List<String>> main = csv(files.get(key + ".csv"));
        assertThat(main.getFirst()).containsExactly("record", "person", "age_band", "team", "form_version", "submitted_month",
                "Question un (v3) [q1]", "Retiré plus tard [removed_later]", "Ajouté en v2 [added_v2]", "Ajouté en v3 [added_v3]");
        assertThat(column(main, "person")).hasSize(9).doesNotContainAnyElementsOf(people.stream().map(p -> String.valueOf(p.id())).toList());
        assertThat(new HashSet<>(column(main, "person"))).as("one pseudonym per person within an export").hasSize(3);
        // three persons of three ages in one team, under the threshold of 5: neither their age band nor their team is shown
        assertThat(column(main, "age_band")).containsOnly(QuasiIdentifiers.SUPPRESSED);
        assertThat(column(main, "team")).containsOnly(QuasiIdentifiers.SUPPRESSED);
        assertThat(column(main, "submitted_month")).allMatch(m -> m.matches("\\d{4}-\\d{2}"));
        List<List<String>> household = csv(files.get(key + "-household.csv"));
        assertThat(household.getFirst()).containsExactly("record", "row", "Né le [member_birth_date]", "Rôle [member_role]");
        assertThat(column(household, "Né le [member_birth_date]")).containsOnly("0-17");
        assertThat(new HashSet<>(column(household, "record"))).isEqualTo(new HashSet<>(column(main, "record")));

        List<List<String>> aggregates = csv(files.get(key + "-aggregates.csv"));
        assertThat(aggregates).contains(List.of("main", "q1", "Question un (v3)", "a", "9"));
        assertThat(aggregates).as("3 answers of a 65+ person: a small group").contains(List.of("main", "age_band", "age band", "65+", "<5"));

        Set<String> secondExport = new HashSet<>(column(csv(entries(export(key, ExportFormat.CSV, true)).get(key + ".csv")), "person"));
        assertThat(secondExport).as("pseudonyms differ from one export to the next").doesNotContainAnyElementsOf(column(main, "person"));
    }

    @Test
    void theCasuFormLosesItsApplicantsIdentityAndTextInAnAnonymisedExport() {
        ClientSummary person = identifiedClient(TestUsers.TEAM_NORTH, TestUsers.WORKER_NORTH, "Gudrun", "Hoebeke", LocalDate.of(1990, 2, 14), "900214122");
        submit(evaluations, person, catalog.current("casu"), Map.ofEntries(
                Map.entry("applicant_last_name", "Hoebeke"), Map.entry("applicant_first_name", "Gudrun"),
                Map.entry("applicant_birth_date", "1990-02-14"), Map.entry("applicant_phone", "+32 470 12 34 56"),
                Map.entry("applicant_email", "gudrun.hoebeke@example.org"), Map.entry("applicant_address", "Rue des Tilleuls 12"),
                Map.entry("household", "1"), Map.entry("household.1.member_name", "Sigrid Hoebeke"),
                Map.entry("household.1.member_birth_date", "2012-09-01"), Map.entry("household.1.member_relationship", "child"),
                Map.entry("situation_assessment", "Madame Hoebeke est sans ressources"), Map.entry("schemes", "1"),
                Map.entry("schemes.1.scheme", "food"), Map.entry("schemes.1.motivation", "Gudrun a besoin d'aide"),
                Map.entry("schemes.1.scheme_decision", "granted"), Map.entry("worker_opinion", "favourable"),
                Map.entry("data_sharing_consent", "true")));

        for (ExportFormat format : ExportFormat.values()) {
            String everything = String.join("\n", entries(export("casu", format, true)).values());
            assertThat(everything).as(format.name()).doesNotContain("Hoebeke", "Gudrun", "Sigrid", person.nationalRegisterNumber(),
                    NationalRegisterNumber.format(person.nationalRegisterNumber()), "1990-02-14", "2012-09-01", "470 12 34 56",
                    "example.org", "Tilleuls", "sans ressources", "besoin");
        }
        Map<String, String> files = entries(export("casu", ExportFormat.CSV, true));
        assertThat(files).containsKeys("casu.csv", "casu-household.csv", "casu-schemes.csv", "casu-aggregates.csv");
        List<List<String>> main = csv(files.get("casu.csv"));
        assertThat(main.getFirst()).noneMatch(h -> h.contains("[applicant_last_name]") || h.contains("[situation_assessment]"));
        int age = LocalDate.of(1990, 2, 14).until(LocalDate.now()).getYears();
        String band = age < 35 ? "25-34" : age < 45 ? "35-44" : "45-54";
        assertThat(column(main, "Date de naissance [applicant_birth_date]")).contains(band);
        assertThat(column(csv(files.get("casu-household.csv")), "Date de naissance [member_birth_date]")).contains("0-17");
    }

    @Test
    void aWorkerExportsOnlyTheirTeamsSubmissionsAndEveryExportIsAudited() {
        String key = "export_scope";
        List<PublishedForm> versions = publishThreeVersions(key);
        ClientSummary north = data.client(TestUsers.TEAM_NORTH, "ScopeNorth");
        ClientSummary south = data.client(TestUsers.TEAM_SOUTH, "ScopeSouth");
        submit(evaluations, north, versions.get(2), Map.of("q1", "a"));
        data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> submit(evaluations, south, versions.get(2), Map.of("q1", "b")));

        List<String> names = column(csv(entries(export(key, ExportFormat.CSV, false)).get(key + ".csv")), "client_last_name");
        assertThat(names).containsExactly("ScopeNorth");
        List<String> adminNames = data.as(TestUsers.ADMIN, "ADMIN",
                () -> column(csv(entries(export(key, ExportFormat.CSV, false)).get(key + ".csv")), "client_last_name"));
        assertThat(adminNames).containsExactlyInAnyOrder("ScopeNorth", "ScopeSouth");

        List<Map<String, Object>> audit = jdbc.queryForList(
                "SELECT actor, detail FROM audit_event WHERE action = 'EXPORT_CREATED' AND target_type = 'form' AND target_id = ? ORDER BY id", key);
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0).get("actor")).isEqualTo(TestUsers.WORKER_NORTH);
        assertThat((String) audit.get(0).get("detail")).startsWith("csv identified, 1 submissions");
        assertThat(audit.get(1).get("actor")).isEqualTo(TestUsers.ADMIN);
        assertThat((String) audit.get(1).get("detail")).startsWith("csv identified, 2 submissions");
    }

    @Test
    void itemsSensitiveToOtherRolesGetNoColumnAndNoValueInTheCommitteesExportOrSubmissions() {
        ClientSummary person = identifiedClient(TestUsers.TEAM_NORTH, TestUsers.WORKER_NORTH, "Ilse", "Vervoort", LocalDate.of(1985, 5, 3), "850503144");
        submit(evaluations, person, catalog.current("casu"), Map.ofEntries(
                Map.entry("applicant_last_name", "Vervoort"), Map.entry("applicant_first_name", "Ilse"),
                Map.entry("applicant_phone", "+32 471 55 66 77"), Map.entry("applicant_email", "ilse.vervoort@example.org"),
                Map.entry("applicant_birth_date", "1985-05-03"), Map.entry("situation_assessment", "Sans revenus ce mois"),
                Map.entry("schemes", "1"), Map.entry("schemes.1.scheme", "food"), Map.entry("schemes.1.motivation", "Alimentation"),
                Map.entry("worker_opinion", "favourable"), Map.entry("data_sharing_consent", "true")));

        // casu.yaml: applicant_phone and applicant_email are sensitive: [ADMIN, WORKER]
        List<List<String>> workers = csv(entries(export("casu", ExportFormat.CSV, false)).get("casu.csv"));
        // a leading + is neutralised against formula injection
        assertThat(column(workers, "Téléphone [applicant_phone]")).contains("'+32 471 55 66 77");

        String committee = data.as(TestUsers.COMMITTEE, "COMMITTEE",
                () -> String.join("\n", entries(export("casu", ExportFormat.CSV, false)).values()));
        assertThat(committee).contains("Vervoort").doesNotContain("[applicant_phone]", "[applicant_email]", "471 55 66 77", "ilse.vervoort");

        List<ExportService.Submission> read = data.as(TestUsers.COMMITTEE, "COMMITTEE", () -> exports.submissions("casu"));
        ExportService.Submission hers = read.stream().filter(s -> s.clientId() == person.id()).findFirst().orElseThrow();
        assertThat(hers.answers()).containsEntry("applicant_last_name", "Vervoort").doesNotContainKeys("applicant_phone", "applicant_email");
    }

    /** A small form whose {@code secret} item becomes sensitive to administrators in version 2. */
    static String secretForm(String key, boolean sensitive) {
        return """
                form: %s
                title: { fr: "Secret", nl: "Geheim", en: "Secret" }
                sections:
                  - id: main
                    title: { fr: "Principal", nl: "Hoofd", en: "Main" }
                    items:
                      - id: open_q
                        type: integer
                        label: { fr: "Ouverte", nl: "Open", en: "Open" }
                      - id: secret
                        type: text
                        label: { fr: "Confidentiel", nl: "Vertrouwelijk", en: "Confidential" }
                %s""".formatted(key, sensitive ? "        sensitive: [ADMIN]\n" : "");
    }

    @Test
    void anItemThatBecomesSensitiveInALaterVersionHidesTheAnswersGivenOnEarlierVersionsToo() {
        String key = "export_secret_later";
        PublishedForm v1 = catalog.publishText(key, secretForm(key, false));
        catalog.publishText(key, secretForm(key, true));
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "SecretLater");
        submit(evaluations, client, v1, Map.of("open_q", "4", "secret", "SECRET-ON-V1"));

        String worker = String.join("\n", entries(export(key, ExportFormat.CSV, false)).values());
        assertThat(worker).contains("SecretLater", "[open_q]").doesNotContain("[secret]", "SECRET-ON-V1");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(export(key, ExportFormat.XLSX, false)))) {
            List<String> header = new ArrayList<>();
            book.getSheet("main").getRow(0).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).contains("Ouverte [open_q]").noneMatch(h -> h.contains("[secret]"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        ExportService.Submission read = exports.submissions(key).getFirst();
        assertThat(read.answers()).containsEntry("open_q", "4").doesNotContainKey("secret");

        // the administrator, whom the item is for, still gets it: the test can see it when it is there
        String admin = data.as(TestUsers.ADMIN, "ADMIN", () -> String.join("\n", entries(export(key, ExportFormat.CSV, false)).values()));
        assertThat(admin).contains("[secret]", "SECRET-ON-V1");
    }
}
