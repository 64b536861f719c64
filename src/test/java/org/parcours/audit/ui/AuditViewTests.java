package org.parcours.audit.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextField;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.audit.AuditEntry;
import org.parcours.audit.AuditFilter;
import org.parcours.audit.AuditTrail;
import org.parcours.home.ui.HomeView;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
class AuditViewTests extends SpringBrowserlessTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTrail trail;

    /** An actor name of this test run only, so rows of other tests do not interfere. */
    private static String actor(String name) {
        return name + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
    }

    private void row(String actor, String action, String type, String id, String day, String detail) {
        jdbc.update("INSERT INTO audit_event (occurred_at, actor, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
                Timestamp.from(Instant.parse(day + "T12:00:00Z")), actor, action, type, id, detail);
    }

    @SuppressWarnings("unchecked")
    private Grid<AuditEntry> grid() {
        return find(Grid.class).id("audit-grid");
    }

    private List<String> column(int column) {
        var tester = test(grid());
        List<String> values = new ArrayList<>();
        for (int i = 0; i < tester.size(); i++) {
            values.add(tester.getCellText(i, column));
        }
        return values;
    }

    @Test
    @WithUserDetails(TestUsers.ADMIN)
    void anAdministratorFiltersTheTrailByUserActionTargetAndDatesNewestFirst() {
        String alice = actor("alice");
        String bob = actor("bob");
        row(alice, "CLIENT_READ", "client", "7001", "2021-03-01", "opened client file");
        row(alice, "CLIENT_UPDATED", "client", "7001", "2021-03-05", "phone: 1 -> 2");
        row(alice, "EVALUATION_READ", "evaluation", "9001", "2021-03-09", "opened");
        row(bob, "CLIENT_READ", "client", "7002", "2021-03-02", "opened client file");

        navigate(HomeView.class);
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel).contains("Journal d'audit");
        navigate(AuditView.class);
        assertThat(test(grid()).getHeaderCell(1)).isEqualTo("Utilisateur");

        test(find(TextField.class).id("audit-filter-user")).setValue(alice.substring(0, alice.length() - 2));
        assertThat(column(1)).containsExactly(alice, alice, alice);
        assertThat(column(2)).as("newest first").containsExactly("EVALUATION_READ", "CLIENT_UPDATED", "CLIENT_READ");
        assertThat(column(3)).containsExactly("evaluation 9001", "client 7001", "client 7001");
        assertThat(column(4)).containsExactly("opened", "phone: 1 -> 2", "opened client file");

        test(find(Select.class).id("audit-filter-action")).selectItem("CLIENT_UPDATED");
        assertThat(column(4)).containsExactly("phone: 1 -> 2");
        find(Select.class).id("audit-filter-action").clear();

        test(find(Select.class).id("audit-filter-target-type")).selectItem("client");
        test(find(TextField.class).id("audit-filter-target-id")).setValue("7001");
        assertThat(column(2)).containsExactly("CLIENT_UPDATED", "CLIENT_READ");

        find(Select.class).id("audit-filter-target-type").clear();
        test(find(TextField.class).id("audit-filter-target-id")).setValue("");
        test(find(DatePicker.class).id("audit-filter-from")).setValue(LocalDate.of(2021, 3, 2));
        test(find(DatePicker.class).id("audit-filter-to")).setValue(LocalDate.of(2021, 3, 5));
        assertThat(column(2)).as("both days included").containsExactly("CLIENT_UPDATED");

        test(find(TextField.class).id("audit-filter-user")).setValue(bob);
        assertThat(column(3)).containsExactly("client 7002");

        test(find(TextField.class).id("audit-filter-user")).setValue(actor("nobody"));
        assertThat(test(grid()).size()).isZero();
    }

    @Test
    @WithUserDetails(TestUsers.ADMIN)
    void theTrailIsReadPageByPageNotLoadedWhole() {
        String many = actor("many");
        for (int i = 0; i < 120; i++) {
            row(many, "CLIENT_READ", "client", String.valueOf(i), "2022-01-01", "n" + i);
        }
        AuditFilter filter = new AuditFilter(many, null, null, null, null, null);

        assertThat(trail.count(filter)).isEqualTo(120);
        List<AuditEntry> second = trail.find(filter, 50, 50);
        assertThat(second).hasSize(50);
        assertThat(second.getFirst().targetId()).isEqualTo("69");
        assertThat(trail.find(filter, 100, 50)).hasSize(20).last().extracting(AuditEntry::targetId).isEqualTo("0");

        navigate(AuditView.class);
        test(find(TextField.class).id("audit-filter-user")).setValue(many);
        assertThat(test(grid()).size()).isEqualTo(120);
        assertThat(test(grid()).getCellText(119, 4)).isEqualTo("n0");
    }

    @Test
    @WithUserDetails(TestUsers.WORKER_NORTH)
    void aWorkerCannotOpenTheTrailNorReadItThroughTheService() {
        navigate(HomeView.class);
        assertThat(find(SideNavItem.class).all()).extracting(SideNavItem::getLabel).doesNotContain("Journal d'audit");
        try {
            navigate(AuditView.class);
        } catch (RuntimeException | AssertionError refused) {
            // the router refuses
        }
        assertThat(getCurrentView()).isNotInstanceOf(AuditView.class);
        assertThat(find(Paragraph.class).id("not-found").getText()).contains("pas accès");

        long before = deniedCount(TestUsers.WORKER_NORTH);
        assertThatThrownBy(() -> trail.find(AuditFilter.none(), 0, 50)).isInstanceOf(AccessDeniedException.class);
        assertThat(deniedCount(TestUsers.WORKER_NORTH)).isEqualTo(before + 1);
    }

    @Test
    @WithUserDetails(TestUsers.COMMITTEE)
    void aCommitteeMemberCannotOpenTheTrail() {
        try {
            navigate(AuditView.class);
        } catch (RuntimeException | AssertionError refused) {
            // the router refuses
        }
        assertThat(getCurrentView()).isNotInstanceOf(AuditView.class);
        assertThatThrownBy(() -> trail.count(AuditFilter.none())).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'ACCESS_DENIED' AND target_type = 'audit_trail'",
                Long.class, TestUsers.COMMITTEE)).isPositive();
    }

    private long deniedCount(String user) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'ACCESS_DENIED'", Long.class, user);
    }
}
