package org.parcours.reporting.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.security.ui.ApiTokensView;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.parcours.ui.chart.Chart;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
class ReportingUiTests extends SpringBrowserlessTest {

    @Autowired
    TestData data;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void anExportRunsInTheBackgroundWithProgressThenOffersItsDownload() throws InterruptedException {
        ClientSummary client = data.client(TestUsers.TEAM_NORTH, "UiExport");
        evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "B"));
        navigate(ExportView.class);
        assertThat(find(UnorderedList.class).id("export-anonymisation-rules").getElement().getTextRecursively())
                .as("the documented list of what is removed, with the policy's threshold").contains("<5", "0,18,25");

        ComboBox<PublishedForm> form = find(ComboBox.class).id("export-form");
        PublishedForm imasp = form.getListDataView().getItems().filter(f -> f.formKey().equals("imasp")).findFirst().orElseThrow();
        test(form).selectItem(form.getItemLabelGenerator().apply(imasp));
        test(find(Button.class).id("export-start")).click();
        assertThat(find(ProgressBar.class).id("export-progress").isVisible()).isTrue();
        assertThat(find(Button.class).id("export-start").isEnabled()).as("one export at a time").isFalse();

        long deadline = System.currentTimeMillis() + 30_000;
        while (!find(Anchor.class).withId("export-download").exists() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            roundTrip();
        }
        Anchor download = find(Anchor.class).id("export-download");
        assertThat(download.getText()).contains("parcours-imasp-").endsWith(".xlsx");
        assertThat(find(Span.class).id("export-status").getText()).matches("Export prêt : \\d+ évaluations.*");
        assertThat(find(ProgressBar.class).id("export-progress").getValue()).isEqualTo(1.0);
        assertThat(find(Button.class).id("export-start").isEnabled()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE action = 'EXPORT_CREATED' AND actor = ? AND target_id = 'imasp'",
                Long.class, TestUsers.WORKER_NORTH)).isPositive();
    }

    private long count(String factor, int codeColumn) {
        NativeTable table = find(NativeTable.class).id("dashboard-factors-table");
        NativeTableRow row = find(NativeTableRow.class, table).all().stream()
                .filter(r -> r.getElement().getChild(0).getText().equals(factor)).findFirst().orElseThrow();
        return Long.parseLong(row.getElement().getChild(codeColumn).getText());
    }

    @Test
    @WithUserDetails(TestUsers.COMMITTEE)
    void theDashboardCountsEachClientsLatestMeasurementAndDueEvaluationsPerTeam() {
        navigate(DashboardView.class);
        long illnessC = count("Maladie / hospitalisation", 3);
        long illnessA = count("Maladie / hospitalisation", 1);

        ClientSummary client = data.client(TestUsers.TEAM_SOUTH, "UiDashboard");
        data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "A")));
        data.as(TestUsers.WORKER_SOUTH, "WORKER", () -> evaluations.submit(evaluations.blank(client.id(), "imasp"), Map.of("illness", "C")));
        navigate(ExportView.class); // a fresh dashboard: navigating to the current route keeps the open view
        navigate(DashboardView.class);

        assertThat(count("Maladie / hospitalisation", 3)).as("the latest measurement counts").isEqualTo(illnessC + 1);
        assertThat(count("Maladie / hospitalisation", 1)).as("an earlier measurement does not").isEqualTo(illnessA);
        assertThat(find(NativeTable.class).id("dashboard-due-table").getElement().getTextRecursively()).contains(TestUsers.TEAM_SOUTH);
        assertThat(find(NativeTable.class).id("dashboard-activation-table").getElement().getTextRecursively())
                .contains("Activation sociale uniquement", "Activation sociale et professionnelle");
        assertThat(find(NativeTable.class).id("dashboard-time-table").getElement().getTextRecursively()).contains("imasp", "casu");
        assertThat(find(Chart.class).id("dashboard-factors-chart").getElement().getAttribute("aria-hidden")).isEqualTo("true");
        for (String figure : List.of("factors", "activation", "due", "time", "schemes")) {
            if (figure.equals("schemes") && !find(Chart.class).withId("dashboard-schemes-chart").exists()) {
                continue; // no CASU scheme granted yet in this schema: a sentence instead of a chart
            }
            assertThat(chartCells(figure)).as("the %s chart draws the numbers of its table", figure).isEqualTo(tableCells(figure));
        }
        assertThat(find(Chart.class).id("dashboard-factors-chart").getData().series()).extracting(Chart.Series::name)
                .as("legends in the user's language").contains("C – Obstacle, emploi momentanément impossible");
    }

    /** A table's counts as {row header: [count per column]} (the activation table's share column left out). */
    private Map<String, List<Long>> tableCells(String figure) {
        NativeTable table = find(NativeTable.class).id("dashboard-" + figure + "-table");
        Map<String, List<Long>> cells = new LinkedHashMap<>();
        for (NativeTableRow row : find(NativeTableRow.class, table).all()) {
            List<com.vaadin.flow.dom.Element> columns = row.getElement().getChildren().toList();
            if (columns.getFirst().getTag().equals("th") && "col".equals(columns.getFirst().getAttribute("scope"))) {
                continue;
            }
            cells.put(columns.getFirst().getText(), columns.subList(1, figure.equals("activation") ? 2 : columns.size()).stream()
                    .map(c -> Long.parseLong(c.getText())).toList());
        }
        return cells;
    }

    /** The same shape from the chart's data: one entry per category, one count per series. */
    private Map<String, List<Long>> chartCells(String figure) {
        Chart.Data data = find(Chart.class).id("dashboard-" + figure + "-chart").getData();
        Map<String, List<Long>> cells = new LinkedHashMap<>();
        for (int i = 0; i < data.categories().size(); i++) {
            int category = i;
            cells.put(data.categories().get(i), data.series().stream().map(s -> s.values().get(category)).toList());
        }
        return cells;
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void aUserCreatesATokenSeesItOnceAndRevokesIt() {
        navigate(ApiTokensView.class);
        test(find(TextField.class).id("token-name")).setValue("my script");
        test(find(Button.class).id("token-create")).click();
        String secret = find(Span.class).id("token-secret").getText();
        assertThat(secret).startsWith("pct_").hasSizeGreaterThan(40);
        assertThat(jdbc.queryForList("SELECT token_hash FROM api_token WHERE name = 'my script'", String.class))
                .hasSize(1).doesNotContain(secret);
        assertThat(find(ComboBox.class).withId("token-user").exists()).as("only administrators pick another user").isFalse();

        navigate(ExportView.class);
        navigate(ApiTokensView.class);
        assertThat(find(Span.class).withId("token-secret").exists()).as("shown once").isFalse();
        long id = jdbc.queryForObject("SELECT id FROM api_token WHERE name = 'my script'", Long.class);
        com.vaadin.flow.component.grid.Grid<org.parcours.security.ApiTokens.TokenSummary> grid = find(com.vaadin.flow.component.grid.Grid.class).id("token-grid");
        var rows = test(grid);
        int row = java.util.stream.IntStream.range(0, rows.size()).filter(i -> rows.getRow(i).id() == id).findFirst().orElseThrow();
        assertThat(rows.getCellText(row, 3)).isEqualTo("jamais");
        assertThat(rows.getCellText(row, 4)).as("read only unless chosen otherwise").isEqualTo("Lecture seule");
        assertThat(rows.getCellText(row, 6)).isEqualTo(TestUsers.WORKER_NORTH);
        assertThat(jdbc.queryForObject("SELECT DATEDIFF(expires_at, created_at) FROM api_token WHERE id = ?", Integer.class, id))
                .as("the default validity, parcours.security.api-tokens.validity").isEqualTo(90);
        Button revoke = (Button) rows.getCellComponent(row, 7);
        assertThat(revoke.getId()).contains("token-revoke-" + id);
        test(revoke).click();
        assertThat(jdbc.queryForObject("SELECT revoked_at IS NOT NULL FROM api_token WHERE id = ?", Boolean.class, id)).isTrue();
        assertThat(java.util.stream.IntStream.range(0, test(grid).size()).noneMatch(i -> test(grid).getRow(i).id() == id)).isTrue();
    }
}
