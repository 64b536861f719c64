package org.parcours.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parcours.catalog.FormCatalog;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.EvaluationStatus;
import org.parcours.evaluations.EvaluationSummary;
import org.parcours.evaluations.Measurement;
import org.parcours.formdef.Policy;
import org.parcours.programmes.ProgrammeService;
import org.parcours.programmes.engine.ScheduleEngine;
import org.parcours.security.CurrentUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the signed-in user's worklist from their visible clients, the declared programme schedules and the policy file. */
@Service
public class WorklistService {

    static final String CASELOAD_FORM = "caseload.form";
    static final String CASELOAD_CLOSED_WHEN = "caseload.closed_when";
    static final String CASELOAD_TARGET = "caseload.target_per_fte";

    private final ClientService clients;
    private final EvaluationService evaluations;
    private final FormCatalog catalog;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final JdbcTemplate jdbc;
    private final ProgrammeService programmes;

    WorklistService(ClientService clients, EvaluationService evaluations, FormCatalog catalog, Clock clock, CurrentUser currentUser,
                    JdbcTemplate jdbc, ProgrammeService programmes) {
        this.programmes = programmes;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clients = clients;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Worklist forCurrentUser() {
        List<ClientSummary> visible = clients.visibleClients();
        List<Long> ids = visible.stream().map(ClientSummary::id).toList();
        LocalDate today = LocalDate.now(clock);
        List<ScheduleEngine.Due> due = programmes.dues(visible, currentUser.require().roleNames(), today);
        List<EvaluationSummary> inProgress = evaluations.inProgress(ids);
        long overdue = due.stream().filter(ScheduleEngine.Due::overdue).count();
        return new Worklist(due, inProgress, overdue, due.size() - overdue,
                inProgress.stream().filter(e -> e.status() == EvaluationStatus.DRAFT).count(),
                inProgress.stream().filter(e -> e.status() == EvaluationStatus.AMENDING).count(), visible.size(),
                caseload(visible), reminder(currentUser.require().id()),
                visible.stream().collect(java.util.stream.Collectors.toMap(ClientSummary::id, ClientSummary::fullName, (a, b) -> a)));
    }

    /** The reminder job's last figures for this user (see ReminderJob); empty before its first run. */
    private Optional<Reminder> reminder(long userId) {
        return jdbc.query("SELECT overdue, due_soon, computed_at FROM worker_reminder WHERE user_id = ?",
                (rs, row) -> new Reminder(rs.getInt(1), rs.getInt(2),
                        rs.getObject(3, LocalDateTime.class).toInstant(ZoneOffset.UTC)), userId).stream().findFirst();
    }

    /**
     * The signed-in worker's caseload: their clients (as responsible worker) whose newest
     * submitted evaluation of the policy's caseload form does not answer yes to the item named by
     * {@code caseload.closed_when}. Empty when the policy names no caseload form or it is not live.
     */
    private Optional<Caseload> caseload(List<ClientSummary> visible) {
        Policy policy = catalog.policy();
        Optional<String> formKey = policy.text(CASELOAD_FORM);
        if (formKey.isEmpty() || catalog.liveForms().stream().noneMatch(f -> f.formKey().equals(formKey.get()))) {
            return Optional.empty();
        }
        long me = currentUser.require().id();
        List<Long> mine = visible.stream().filter(c -> c.responsibleWorkerId() != null && c.responsibleWorkerId() == me)
                .map(ClientSummary::id).toList();
        Optional<String> closedWhen = policy.text(CASELOAD_CLOSED_WHEN);
        Map<Long, List<Measurement>> measurements = evaluations.measurementsOfClients(mine, formKey.get());
        int active = (int) measurements.values().stream()
                .map(found -> found.stream().max(java.util.Comparator.comparing(Measurement::measuredAt).thenComparing(Measurement::evaluationId)))
                .flatMap(Optional::stream)
                .filter(latest -> closedWhen.map(item -> !"true".equals(latest.answers().get(item))).orElse(true))
                .count();
        return Optional.of(new Caseload(formKey.get(), catalog.current(formKey.get()).definition().title(), active,
                policy.integer(CASELOAD_TARGET)));
    }
}
