package org.parcours.committee;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.catalog.FormCatalog;
import org.parcours.clients.ClientSummary;
import org.parcours.committee.MeetingService.AgendaHistories;
import org.parcours.committee.history.ScoreCell;
import org.parcours.committee.ui.AgendaHistoriesView;
import org.parcours.committee.ui.MeetingView;
import org.parcours.testsupport.SqlCounts;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/*
 * The agenda's histories page (50 clients x 24 measurements) in at most three statements.
 * The measurements are inserted directly with JDBC batch inserts (submission, submission_revision,
 * submission_answer) for one published IMASP version, for speed: submitting 1,200 evaluations
 * through EvaluationService would take far longer. Statements are counted by the database session's
 * counters (SqlCounts), whatever sent them.
 */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.COMMITTEE)
class AgendaHistoriesTests extends SpringBrowserlessTest {

    private static final String[] CODES = {"A", "B", "C"};

    @Autowired
    MeetingService meetings;

    @Autowired
    FormCatalog catalog;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theHistoriesOf50ClientsWith24MeasurementsEachLoadInAtMostThreeStatements() {
        long meetingId = meetingWith(50, 24, "AgendaHist");
        meetings.agendaHistories(meetingId, "imasp"); // warms the catalog's version cache like any earlier page

        long auditBefore = data.count("audit_event");
        long start = System.nanoTime();
        SqlCounts.Counted<AgendaHistories> counted = SqlCounts.of(transactions, jdbc, () -> meetings.agendaHistories(meetingId, "imasp"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        AgendaHistories page = counted.result();
        long audited = data.count("audit_event") - auditBefore;
        // every statement the database received (Hibernate and JDBC alike); an audit row locks the chain's head with a SELECT
        long statements = counted.counts().selects() - audited;
        System.out.printf("AGENDA-HISTORIES: 50 clients x 24 measurements: %d reading statements + %d audit row(s) (%s), %d ms on the server%n",
                statements, audited, counted.counts(), millis);

        assertThat(statements).as("user context, meeting with agenda and clients, measurements with answers").isLessThanOrEqualTo(3);
        assertThat(audited).as("the audit row of the read").isEqualTo(1);
        assertThat(page.histories()).hasSize(50);
        assertThat(page.histories()).allSatisfy(h -> {
            assertThat(h.history().columns()).hasSize(24);
            assertThat(h.history().row("hygiene").orElseThrow().cells())
                    .allSatisfy(c -> assertThat(c).map(ScoreCell::code).contains("B"));
        });
        assertThat(page.histories().getFirst().clientName()).startsWith("AGENDAHIST");
    }

    @Test
    void thePageShowsOneColouredGridPerClientOfTheAgendaDrawnOnDemand() {
        long meetingId = meetingWith(4, 3, "AgendaHistUi");

        navigate(AgendaHistoriesView.class, Map.of(AgendaHistoriesView.MEETING_ID, String.valueOf(meetingId)));

        List<Div> placeholders = find(Div.class).all().stream().filter(d -> d.getId().orElse("").matches("histories-\\d+-grid")).toList();
        assertThat(placeholders).hasSize(4);
        assertThat(grids()).as("only the first client's grid is drawn with the page").hasSize(1);
        assertThat(cells(grids())).hasSize(3 * 3);

        // a client's "show" button draws its grid (the browser sends the same when it is scrolled near)
        String second = placeholders.get(1).getId().orElseThrow().replace("-grid", "-show");
        test(find(Button.class).id(second)).click();
        assertThat(grids()).hasSize(2);
        test(find(Button.class).id("histories-show-all")).click();

        List<String> html = grids();
        assertThat(html).hasSize(4);
        assertThat(html).allSatisfy(h -> assertThat(h).contains("<caption>", "scope=\"col\"", "scope=\"row\"", "scope=\"colgroup\"",
                "role=\"region\"", "tabindex=\"0\"", "role=\"img\""));
        List<String> cells = cells(html);
        assertThat(cells).hasSize(4 * 3 * 3);
        assertThat(cells).allSatisfy(c -> assertThat(c).matches(".*class=\"score-cell score-(green|amber|red|neutral)\" data-colour=\"\\1\".*")
                .contains("aria-label=\"", "title=\""));
        assertThat(find(Span.class).all().stream().filter(s -> s.getId().orElse("").matches("histories-\\d+-cell-.*")))
                .as("no component per cell").isEmpty();

        navigate(MeetingView.class, Map.of(MeetingView.MEETING_ID, String.valueOf(meetingId)));
        assertThat(find(RouterLink.class).id("meeting-histories").getHref()).isEqualTo("committee/meetings/" + meetingId + "/histories");
    }

    /** The HTML of every grid drawn on the page. */
    private List<String> grids() {
        return find(Div.class).all().stream().filter(d -> d.getClassNames().contains("score-grid-host"))
                .map(d -> d.getElement().getProperty("innerHTML")).toList();
    }

    /** The coloured cells (span elements) in these grids. */
    private static List<String> cells(List<String> grids) {
        java.util.regex.Pattern cell = java.util.regex.Pattern.compile("<span id=\"histories-\\d+-cell-[^>]*>");
        return grids.stream().flatMap(h -> cell.matcher(h).results().map(java.util.regex.MatchResult::group)).toList();
    }

    /** A meeting with {@code clients} new clients on its agenda, each with {@code measurements} submitted IMASP measurements. */
    private long meetingWith(int clients, int measurements, String name) {
        long meetingId = meetings.create(LocalDate.now(), List.of("Alice")).id();
        long versionId = catalog.current("imasp").versionId();
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1000, ChronoUnit.DAYS);
        List<Long> clientIds = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            ClientSummary client = data.client(c % 2 == 0 ? TestUsers.TEAM_NORTH : TestUsers.TEAM_SOUTH, name + c);
            clientIds.add(client.id());
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> items = clientIds.stream().map(id -> new Object[] {meetingId, id, "AID_REQUEST", TestUsers.WORKER_NORTH, now}).toList();
        jdbc.batchUpdate("INSERT INTO committee_agenda_item (meeting_id, client_id, question, proposed_by, proposed_at) VALUES (?, ?, ?, ?, ?)",
                items);
        List<Object[]> evaluations = new ArrayList<>();
        for (long clientId : clientIds) {
            for (int m = 0; m < measurements; m++) {
                Timestamp at = Timestamp.from(base.plus(m * 10L, ChronoUnit.DAYS));
                evaluations.add(new Object[] {clientId, versionId, "EVALUATION", at, TestUsers.WORKER_NORTH, at, TestUsers.WORKER_NORTH});
            }
        }
        jdbc.batchUpdate("INSERT INTO submission (client_id, form_version_id, kind, created_at, created_by, updated_at, updated_by, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 0)", evaluations);
        String in = String.join(",", clientIds.stream().map(String::valueOf).toList());
        List<Object[]> revisions = jdbc.query("SELECT id, created_at FROM submission WHERE kind = 'EVALUATION' AND client_id IN (" + in + ") ORDER BY id",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getTimestamp(2), TestUsers.WORKER_NORTH, rs.getTimestamp(2), TestUsers.WORKER_NORTH,
                        rs.getTimestamp(2), TestUsers.WORKER_NORTH});
        jdbc.batchUpdate("INSERT INTO submission_revision (submission_id, revision_number, status, created_at, created_by, updated_at, "
                + "updated_by, submitted_at, submitted_by, version) VALUES (?, 1, 'SUBMITTED', ?, ?, ?, ?, ?, ?, 0)", revisions);
        List<Long> revisionIds = jdbc.queryForList("SELECT r.id FROM submission_revision r JOIN submission e ON e.id = r.submission_id "
                + "WHERE e.kind = 'EVALUATION' AND e.client_id IN (" + in + ") ORDER BY r.id", Long.class);
        List<Object[]> answers = new ArrayList<>();
        for (int i = 0; i < revisionIds.size(); i++) {
            long revisionId = revisionIds.get(i);
            answers.add(new Object[] {revisionId, "illness", CODES[i % 3]});
            answers.add(new Object[] {revisionId, "homeless", CODES[(i + 1) % 3]});
            answers.add(new Object[] {revisionId, "hygiene", "B"});
        }
        jdbc.batchUpdate("INSERT INTO submission_answer (revision_id, item_id, answer_value) VALUES (?, ?, ?)", answers);
        return meetingId;
    }
}
