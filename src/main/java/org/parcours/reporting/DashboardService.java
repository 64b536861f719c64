package org.parcours.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.parcours.aid.AidService;
import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.FormNotFoundException;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientStatus;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.Measurement;
import org.parcours.formdef.ChoiceItem;
import org.parcours.formdef.Colour;
import org.parcours.formdef.LocalizedText;
import org.parcours.formdef.Policy;
import org.parcours.formdef.RepeatItem;
import org.parcours.formdef.ScaleItem;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserContext;
import org.parcours.programmes.ProgrammeService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures for administrators and the committee, over the clients they may see: the distribution
 * of each factor of every scored form (the programmes' forms first, each client's latest
 * measurement), social-only versus social and professional activation, due and overdue
 * evaluations per team (the declared schedules), submissions per month and CASU schemes granted
 * per month. Form keys and item ids come from the declarations and the policy file.
 */
@Service
public class DashboardService {

    static final int MONTHS = 12;
    private static final int CHUNK = 500;

    /** One scale value: its code, label and colour. */
    public record Code(String code, LocalizedText label, Colour colour) {
    }

    /** A factor's counts per code (every code of the scale present, zeros included). */
    public record FactorCounts(String itemId, LocalizedText label, Map<String, Long> counts, long total) {
    }

    public record TeamDue(String team, long overdue, long dueSoon) {
    }

    /** Per month (oldest first), per form key, submissions. */
    public record MonthCounts(YearMonth month, Map<String, Long> counts) {
    }

    /** The factor counts of one scored form. */
    public record ScoredForm(String formKey, LocalizedText title, List<Code> codes, List<FactorCounts> factors) {
    }

    /** {@code codes} and {@code factors} are those of the first scored form (the first programme's). */
    public record Dashboard(int clients, List<Code> codes, List<FactorCounts> factors, Map<ClientStatus, Long> activation,
                            List<TeamDue> due, List<String> formKeys, List<MonthCounts> submissions,
                            Map<String, LocalizedText> schemes, List<MonthCounts> schemesGranted, List<ScoredForm> scoredForms) {
    }

    private final CurrentUser currentUser;
    private final ClientService clients;
    private final EvaluationService evaluations;
    private final FormCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;
    private final AidService aid;
    private final ProgrammeService programmes;

    DashboardService(CurrentUser currentUser, ClientService clients, EvaluationService evaluations, FormCatalog catalog, AuditLog audit,
                     Clock clock, AidService aid, ProgrammeService programmes) {
        this.programmes = programmes;
        this.aid = aid;
        this.currentUser = currentUser;
        this.clients = clients;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Dashboard forCurrentUser() {
        UserContext user = currentUser.require();
        if (!user.has(Role.ADMIN) && !user.has(Role.COMMITTEE)) {
            audit.recordDenied(user.username(), "dashboard", "-", "the dashboard is for administrators and the committee");
            throw new AccessDeniedException("The dashboard is for administrators and the committee");
        }
        Policy policy = catalog.policy();
        List<ClientSummary> visible = clients.visibleClients();
        List<Long> ids = visible.stream().map(ClientSummary::id).toList();
        LocalDate today = LocalDate.now(clock);

        java.util.Set<String> roles = user.roleNames();
        Map<String, Map<Long, List<Measurement>>> measuredByForm = new LinkedHashMap<>();
        List<ScoredForm> scoredForms = new ArrayList<>();
        for (String formKey : programmes.scoredForms()) {
            Map<Long, List<Measurement>> measured = measurements(ids, formKey);
            measuredByForm.put(formKey, measured);
            scoredForms.add(scored(formKey, measured, roles));
        }

        Map<ClientStatus, Long> activation = new LinkedHashMap<>();
        activation.put(ClientStatus.SOCIAL_ACTIVATION_ONLY, 0L);
        activation.put(ClientStatus.FOLLOWED, 0L);
        visible.stream().filter(c -> c.status() != ClientStatus.CLOSED)
                .forEach(c -> activation.merge(c.status() == null ? ClientStatus.FOLLOWED : c.status(), 1L, Long::sum));

        Map<Long, String> teamOf = visible.stream().collect(Collectors.toMap(ClientSummary::id, ClientSummary::teamName));
        Map<String, long[]> dueByTeam = new TreeMap<>();
        visible.forEach(c -> dueByTeam.putIfAbsent(c.teamName(), new long[2]));
        // every declared schedule, whoever sees it on their worklist
        programmes.dues(visible, java.util.Set.of("WORKER", "ADMIN", "COMMITTEE"), today)
                .forEach(d -> dueByTeam.get(teamOf.get(d.clientId()))[d.overdue() ? 0 : 1]++);
        List<TeamDue> due = dueByTeam.entrySet().stream().map(e -> new TeamDue(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();

        YearMonth thisMonth = YearMonth.from(today);
        List<YearMonth> months = new ArrayList<>();
        for (int i = MONTHS - 1; i >= 0; i--) {
            months.add(thisMonth.minusMonths(i));
        }
        List<String> formKeys = catalog.liveForms().stream().map(PublishedForm::formKey).sorted().toList();
        Map<YearMonth, Map<String, Long>> perMonth = emptyMonths(months, formKeys);
        for (String formKey : formKeys) {
            Map<Long, List<Measurement>> measured = measuredByForm.containsKey(formKey) ? measuredByForm.get(formKey) : measurements(ids, formKey);
            measured.values().forEach(list -> list.forEach(m -> {
                Map<String, Long> counts = perMonth.get(YearMonth.from(LocalDate.ofInstant(m.measuredAt(), ZoneOffset.UTC)));
                if (counts != null) {
                    counts.merge(formKey, 1L, Long::sum);
                }
            }));
        }

        Map<String, LocalizedText> schemes = new LinkedHashMap<>();
        List<MonthCounts> schemesGranted = List.of();
        Optional<String> casu = policy.text("reporting.casu_form");
        if (casu.isPresent() && !catalog.versionIds(casu.get()).isEmpty()) {
            String repeat = policy.text("reporting.casu_schemes").orElse("");
            String schemeItem = policy.text("reporting.casu_scheme").orElse("");
            versions(casu.get()).forEach(v -> v.definition().items().forEach(item -> {
                if (item instanceof RepeatItem r && r.id().equals(repeat)) {
                    r.items().stream().filter(i -> i.id().equals(schemeItem) && i instanceof ChoiceItem).map(ChoiceItem.class::cast)
                            .forEach(choice -> choice.options().options().forEach(o -> schemes.put(o.code(), o.label())));
                }
            }));
            // the decisions recorded per scheme on the CASU requests (aid feature), by month of decision
            Map<YearMonth, Map<String, Long>> grantedPerMonth = emptyMonths(months, List.copyOf(schemes.keySet()));
            aid.grantedPerMonth(ids, months.getFirst()).forEach((month, byScheme) -> {
                Map<String, Long> counts = grantedPerMonth.get(month);
                if (counts != null) {
                    byScheme.forEach((scheme, n) -> {
                        if (counts.containsKey(scheme)) {
                            counts.merge(scheme, n, Long::sum);
                        }
                    });
                }
            });
            schemesGranted = grantedPerMonth.entrySet().stream().map(e -> new MonthCounts(e.getKey(), e.getValue())).toList();
        }
        ScoredForm first = scoredForms.isEmpty() ? new ScoredForm("", LocalizedText.of("", "", ""), List.of(), List.of())
                : scoredForms.getFirst();
        return new Dashboard(visible.size(), first.codes(), first.factors(), activation, due, formKeys,
                perMonth.entrySet().stream().map(e -> new MonthCounts(e.getKey(), e.getValue())).toList(), schemes, schemesGranted,
                scoredForms);
    }

    /** Each factor's counts per code over the clients' latest measurements with one scored form. */
    private ScoredForm scored(String formKey, Map<Long, List<Measurement>> measured, java.util.Set<String> roles) {
        List<PublishedForm> formVersions = versions(formKey);
        Map<String, LocalizedText> factorLabels = new LinkedHashMap<>();
        Map<String, Code> codes = new LinkedHashMap<>();
        formVersions.forEach(v -> v.definition().allItems().forEach(item -> {
            // a sensitive factor is not counted for a role that may not see it
            if (item instanceof ScaleItem scale && scale.rules().visibleToRoles(roles)) {
                factorLabels.put(scale.id(), scale.label());
                scale.scale().values().forEach(value -> codes.putIfAbsent(value.code(), new Code(value.code(), value.label(), value.colour())));
            }
        }));
        Map<String, Map<String, Long>> factorCounts = new LinkedHashMap<>();
        factorLabels.keySet().forEach(id -> {
            Map<String, Long> zero = new LinkedHashMap<>();
            codes.keySet().forEach(code -> zero.put(code, 0L));
            factorCounts.put(id, zero);
        });
        measured.values().forEach(list -> list.stream().findFirst().ifPresent(latest ->
                latest.answers().forEach((path, value) -> {
                    Map<String, Long> counts = factorCounts.get(path);
                    if (counts != null && counts.containsKey(value)) {
                        counts.merge(value, 1L, Long::sum);
                    }
                })));
        List<FactorCounts> factors = new ArrayList<>();
        factorCounts.forEach((id, counts) -> factors.add(new FactorCounts(id, factorLabels.get(id), counts,
                counts.values().stream().mapToLong(Long::longValue).sum())));
        return new ScoredForm(formKey, formVersions.getLast().definition().title(), List.copyOf(codes.values()), factors);
    }

    private List<PublishedForm> versions(String formKey) {
        List<PublishedForm> versions = catalog.versionIds(formKey).stream().map(catalog::version)
                .sorted(java.util.Comparator.comparingInt(PublishedForm::versionNumber)).toList();
        if (versions.isEmpty()) {
            throw new FormNotFoundException("No published version of form '" + formKey + "'");
        }
        return versions;
    }

    private Map<Long, List<Measurement>> measurements(Collection<Long> ids, String formKey) {
        List<Long> all = List.copyOf(ids);
        Map<Long, List<Measurement>> found = new LinkedHashMap<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            found.putAll(evaluations.measurementsOfClients(all.subList(from, Math.min(all.size(), from + CHUNK)), formKey));
        }
        return found;
    }

    private static Map<YearMonth, Map<String, Long>> emptyMonths(List<YearMonth> months, List<String> keys) {
        Map<YearMonth, Map<String, Long>> empty = new LinkedHashMap<>();
        months.forEach(month -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            keys.forEach(k -> counts.put(k, 0L));
            empty.put(month, counts);
        });
        return empty;
    }

}
