package org.parcours.programmes.engine;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.parcours.formdef.LocalizedText;
import org.parcours.formdef.Policy;
import org.parcours.formdef.programme.Anchor;
import org.parcours.formdef.programme.Programme;
import org.parcours.formdef.programme.Schedule;

/**
 * When a programme's form falls due for a client, from its schedules and the policy:
 * <ul>
 * <li>periodic: the first {@code first-after} after the anchor date (follow-up start or status
 * date), then {@code every} after the last evaluation done on or after the anchor date (without
 * {@code every}, nothing more once one is done);</li>
 * <li>before an end date: {@code ahead} before the date answered in the newest evaluation done
 * (nothing while there is none or it has no such date).</li>
 * </ul>
 * A closed file has nothing due; a schedule whose {@code applies-when} does not hold neither. An
 * evaluation counts as done when it is submitted and {@code done-when} (if any) holds for it.
 */
public final class ScheduleEngine {

    /** A due evaluation of a programme's form; overdue when {@code due} is before today. */
    public record Due(long clientId, String name, String programmeId, String formKey, String scheduleId, LocalizedText label,
                      LocalDate due, boolean overdue) {
    }

    private final Programme programme;
    private final Policy policy;

    public ScheduleEngine(Programme programme, Policy policy) {
        this.programme = programme;
        this.policy = policy;
    }

    /** The dues of one client on {@code today} (one per applicable schedule), earliest first. */
    public List<Due> dues(ClientFacts client, List<Measured> history, RuleFacts facts, LocalDate today) {
        if (client.closed()) {
            return List.of();
        }
        List<Due> dues = new ArrayList<>();
        for (Schedule schedule : programme.schedules()) {
            if (schedule.appliesWhen().isPresent() && !programme.compiled().holds(schedule.appliesWhen().get(), facts.variables())) {
                continue;
            }
            List<Measured> done = history.stream().filter(m -> counts(schedule, client, m, facts, today))
                    .sorted(Comparator.comparing(Measured::submittedAt).reversed()).toList();
            next(schedule, client, done).ifPresent(date -> dues.add(new Due(client.clientId(), client.name(), programme.id(),
                    programme.formKey(), schedule.id(), schedule.label(), date, date.isBefore(today))));
        }
        dues.sort(Comparator.comparing(Due::due));
        return dues;
    }

    /** The next due date of one schedule, from the evaluations done (newest first). */
    Optional<LocalDate> next(Schedule schedule, ClientFacts client, List<Measured> doneNewestFirst) {
        if (schedule.beforeItem().isPresent()) {
            return doneNewestFirst.stream().findFirst()
                    .flatMap(m -> RuleFacts.date(m.answers().getOrDefault(schedule.beforeItem().get(), "").strip()))
                    .map(end -> end.minus(schedule.firstAfter().resolve(policy)));
        }
        Optional<LocalDate> anchor = schedule.from() == Anchor.STATUS_SINCE ? client.statusSince() : client.followUpStart();
        if (anchor.isEmpty()) {
            return Optional.empty();
        }
        Optional<LocalDate> lastDone = doneNewestFirst.stream().map(m -> day(m))
                .filter(d -> !d.isBefore(anchor.get())).findFirst();
        if (lastDone.isEmpty()) {
            return Optional.of(anchor.get().plus(schedule.firstAfter().resolve(policy)));
        }
        return schedule.every().map(every -> lastDone.get().plus(every.resolve(policy)));
    }

    private boolean counts(Schedule schedule, ClientFacts client, Measured m, RuleFacts facts, LocalDate today) {
        if (schedule.doneWhen().isEmpty()) {
            return true;
        }
        RuleFacts own = RuleFacts.of(client, List.of(m), Optional.of(m.form()), policy, today);
        return programme.compiled().holds(schedule.doneWhen().get(), own.variables());
    }

    private static LocalDate day(Measured m) {
        return LocalDate.ofInstant(m.submittedAt(), ZoneOffset.UTC);
    }
}
