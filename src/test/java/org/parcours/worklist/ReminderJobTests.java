package org.parcours.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.html.Paragraph;

import org.junit.jupiter.api.Test;
import org.parcours.ParcoursApplication;
import org.parcours.clients.ClientService;
import org.parcours.clients.NewClient;
import org.parcours.home.ui.HomeView;
import org.parcours.testsupport.TestData;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The reminder job stores each worker's overdue and due-soon counts, shown on their home page;
 * through its ShedLock lock, a second trigger while the lock is held (another node firing at the
 * same time) does not run it again.
 */
@SpringBootTest
@ViewPackages(classes = ParcoursApplication.class)
@WithUserDetails(TestUsers.WORKER_SOUTH)
class ReminderJobTests extends SpringBrowserlessTest {

    @Autowired
    ReminderJob job;

    @Autowired
    WorklistService worklists;

    @Autowired
    ClientService clients;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theJobRunsOnceWhileItsLockIsHeldAndTheWorkerSeesItsFigures() {
        clients.create(new NewClient("Rémi", "Rappel", LocalDate.of(1979, 3, 3), data.teamId(TestUsers.TEAM_SOUTH),
                null, LocalDate.now().minusMonths(5)));
        long runsBefore = runs();

        job.scheduled();
        job.scheduled();

        assertThat(runs() - runsBefore).as("runs recorded for two triggers within lock-at-least-for").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT finished_at IS NOT NULL FROM job_run WHERE job_name = 'reminders' ORDER BY id DESC LIMIT 1",
                Boolean.class)).isTrue();
        Worklist live = worklists.forCurrentUser();
        Reminder stored = live.reminder().orElseThrow();
        assertThat(stored.overdue()).isGreaterThanOrEqualTo(1).isEqualTo((int) live.overdue());
        assertThat(stored.dueSoon()).isEqualTo((int) live.dueSoon());

        navigate(HomeView.class);
        assertThat(find(Paragraph.class).id("worklist-reminder").getText())
                .startsWith("Rappel du jour").contains(stored.overdue() + " en retard");
    }

    private long runs() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM job_run WHERE job_name = 'reminders'", Long.class);
    }
}
