package org.parcours.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parcours.reporting.ExportFixture.csv;
import static org.parcours.reporting.ExportFixture.entries;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.parcours.aid.AidRequestDetails;
import org.parcours.aid.AidService;
import org.parcours.aid.AidServiceTests;
import org.parcours.clients.ClientSummary;
import org.parcours.contracts.ContractDetails;
import org.parcours.contracts.ContractService;
import org.parcours.contracts.ContractServiceTests;
import org.parcours.reporting.ExportService.ExportRequest;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The exports of the CASU and MASP forms hold their submissions, read through the submissions
 * module like evaluations: a submitted aid request is a row with its answers and its schemes in
 * the repeat's table; a draft request is not exported; a signed contract is a row with its signed
 * text's answers and its objectives; a contract still in draft is not.
 */
@SpringBootTest
@WithUserDetails(TestUsers.WORKER_NORTH)
class KindsExportTests {

    @Autowired
    ExportService exports;

    @Autowired
    AidService aid;

    @Autowired
    ContractService contracts;

    @Autowired
    TestData data;

    @Test
    void aCasuExportHoldsTheSubmittedRequestsWithTheirAnswersAndSchemes() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "CasuExport");
        AidRequestDetails draft = aid.create(client.id());
        AidRequestDetails submitted = aid.submit(draft.id(), draft.lockVersion(),
                AidServiceTests.casu("fsl-energy", "300.00", "food", null));
        aid.create(client.id()); // a draft: not a submission yet

        Map<String, String> files = entries(export(aid.formKey()));

        List<List<String>> main = csv(files.get(aid.formKey() + ".csv"));
        List<List<String>> mine = rowsOf(main, "client_id", String.valueOf(client.id()));
        assertThat(main.getFirst()).startsWith("submission_kind", "submission_id", "client_id", "client_last_name");
        assertThat(mine).as("the submitted request only").singleElement().satisfies(row -> {
            assertThat(cell(main, row, "submission_kind")).isEqualTo("aid_request");
            assertThat(cell(main, row, "submission_id")).isEqualTo(String.valueOf(submitted.id()));
            assertThat(cell(main, row, "client_last_name")).isEqualTo("CasuExport");
            assertThat(cell(main, row, "revision")).isEqualTo("1");
            assertThat(cell(main, row, "submitted_by")).isEqualTo(TestUsers.WORKER_NORTH);
            assertThat(cell(main, row, "[resource_minimum_income]")).isEqualTo("607.75");
            assertThat(cell(main, row, "[remaining_per_person]")).isEqualTo(submitted.answers().get("remaining_per_person"));
            assertThat(cell(main, row, "[situation_assessment]")).isEqualTo("Energy debt after a long illness");
        });
        List<List<String>> schemes = csv(files.get(aid.formKey() + "-schemes.csv"));
        assertThat(schemes.getFirst()).startsWith("submission_kind", "submission_id", "row");
        assertThat(rowsOf(schemes, "submission_id", String.valueOf(submitted.id())))
                .extracting(r -> cell(schemes, r, "row"), r -> cell(schemes, r, "[scheme]"), r -> cell(schemes, r, "[amount_requested]"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", "fsl-energy", "300.00"),
                        org.assertj.core.groups.Tuple.tuple("2", "food", ""));
    }

    @Test
    void aMaspExportHoldsTheSignedContractsWithTheirSignedText() {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "MaspExport");
        LocalDate start = LocalDate.now().plusDays(3);
        ContractDetails draft = contracts.draft(client.id());
        ContractDetails signed = contracts.sign(draft.id(), draft.lockVersion(), ContractServiceTests.text(start, 4), LocalDate.now());
        ClientSummary other = data.client(TestUsers.TEAM_NORTH, "MaspExportDraft");
        contracts.draft(other.id()); // a draft contract: not a submission yet

        Map<String, String> files = entries(export(contracts.formKey()));

        List<List<String>> main = csv(files.get(contracts.formKey() + ".csv"));
        assertThat(rowsOf(main, "client_id", String.valueOf(other.id()))).isEmpty();
        assertThat(rowsOf(main, "client_id", String.valueOf(client.id()))).singleElement().satisfies(row -> {
            assertThat(cell(main, row, "submission_kind")).isEqualTo("contract");
            assertThat(cell(main, row, "submission_id")).isEqualTo(String.valueOf(signed.id()));
            assertThat(cell(main, row, "client_last_name")).isEqualTo("MaspExport");
            assertThat(cell(main, row, "revision")).as("the text number").isEqualTo("1");
            assertThat(cell(main, row, "[level]")).isEqualTo("1");
            assertThat(cell(main, row, "[start_date]")).isEqualTo(start.toString());
            assertThat(cell(main, row, "[duration_months]")).isEqualTo("4");
            assertThat(cell(main, row, "[person_adhesion]")).isEqualTo("true");
        });
        List<List<String>> objectives = csv(files.get(contracts.formKey() + "-objectives.csv"));
        assertThat(rowsOf(objectives, "submission_id", String.valueOf(signed.id())))
                .extracting(r -> cell(objectives, r, "row"), r -> cell(objectives, r, "[objective]"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("1", "Pay the rent every month"));
    }

    private byte[] export(String formKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exports.export(new ExportRequest(formKey, ExportFormat.CSV, false, Locale.FRENCH), out, (done, total) -> { });
        return out.toByteArray();
    }

    private static List<List<String>> rowsOf(List<List<String>> records, String header, String value) {
        int index = records.getFirst().indexOf(header);
        assertThat(index).as("column %s in %s", header, records.getFirst()).isNotNegative();
        return records.stream().skip(1).filter(r -> r.get(index).equals(value)).toList();
    }

    /** The cell of the column whose header is {@code header} or ends with it (item columns end with "[item_id]"). */
    private static String cell(List<List<String>> records, List<String> row, String header) {
        List<String> headers = records.getFirst();
        int index = headers.indexOf(header);
        if (index < 0) {
            index = java.util.stream.IntStream.range(0, headers.size()).filter(i -> headers.get(i).endsWith(header)).findFirst().orElse(-1);
        }
        assertThat(index).as("column %s in %s", header, headers).isNotNegative();
        return row.get(index);
    }
}
