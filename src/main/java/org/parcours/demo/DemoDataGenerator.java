package org.parcours.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.clients.NewClient;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.formdef.ScaleItem;
import org.parcours.security.Role;
import org.parcours.security.TeamRepository;
import org.parcours.security.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Deterministic demo data: teams, workers, clients and years of IMASP measurements, all drawn from
 * one {@code java.util.Random(seed)}. The generator first computes a {@link Plan} (a pure function of
 * seed, size, end date and the form's factors), then writes it through the real services
 * ({@link UserAccounts}, {@link ClientService}, {@link EvaluationService}) as the generated workers.
 *
 * <p>Form versions: besides the live version of {@code forms/imasp.yaml}, two earlier versions are
 * derived from its text and published with {@link FormCatalog#publishText}: the oldest without the
 * factor {@value #ADDED_FACTOR} (added later) and with the earlier label of {@value #RENAMED_FACTOR}; the
 * middle one with that earlier label only. Measurements in the first third of the period use the
 * oldest, the second third the middle one, the last third the live version.
 *
 * <p>Back-dating: the services stamp times with the application's clock (now). After each
 * measurement is submitted, one JDBC UPDATE sets the created/updated/submitted times of the
 * evaluation and its revision to the planned day; the two derived form versions get their
 * {@code published_at} set to the start of their period. Audit events keep the real time.
 */
@Component
public class DemoDataGenerator {

    static final String FORM = "imasp";
    static final String ADDED_FACTOR = "keeping_appointments";
    static final String RENAMED_FACTOR = "psychological";
    static final String EARLIER_LABEL =
            "label: { fr: \"Santé mentale\", nl: \"Geestelijke gezondheid\", en: \"Mental health\" }";
    private static final List<String> CODES = List.of("A", "B", "C");
    private static final String[] FIRST_NAMES = {"Amina", "Lucas", "Emma", "Noah", "Fatima", "Louis", "Julie", "Mohamed",
            "Sofie", "Thomas", "Chloé", "Bram", "Inès", "Arthur", "Lotte", "Youssef", "Camille", "Jonas", "Sarah", "Hugo"};
    private static final String[] LAST_NAMES = {"Peeters", "Dubois", "Janssens", "Lambert", "Maes", "Dupont", "El Amrani",
            "Jacobs", "Martin", "Willems", "Leroy", "Claes", "Renard", "Goossens", "Diallo", "Wouters", "Simon", "Mertens"};
    private static final String[] SOCIAL_ONLY_REASONS = {"Plus de 60 ans.", "Inaptitude définitive au travail.",
            "Décision du CSSS après une problématique persistante."};
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private static final Logger log = LoggerFactory.getLogger(DemoDataGenerator.class);

    /** How much to generate: teams, workers per team, clients per team, years of measurements. */
    public record Size(int teams, int workersPerTeam, int clientsPerTeam, int years) {
        public static final Size DEFAULT = new Size(3, 2, 20, 3);

        public Size {
            if (teams < 1 || workersPerTeam < 1 || clientsPerTeam < 1 || years < 1) {
                throw new IllegalArgumentException("every part of a demo size must be at least 1: " + teams + "/"
                        + workersPerTeam + "/" + clientsPerTeam + "/" + years);
            }
        }
    }

    /** One planned measurement; {@code version} is 0 (oldest derived), 1 (renamed label) or 2 (live). */
    public record PlannedMeasurement(LocalDate date, Instant submittedAt, int version, Map<String, String> answers) {
    }

    public record PlannedClient(String firstName, String lastName, LocalDate birthDate, int team, int worker,
                                LocalDate followUpStart, List<PlannedMeasurement> measurements) {
    }

    public record Plan(long seed, Size size, LocalDate until, List<String> teamNames, List<PlannedClient> clients) {

        public int measurementCount() {
            return clients.stream().mapToInt(c -> c.measurements().size()).sum();
        }

        /** SHA-256 over (client name, birth date, team, measurement day, version, answers), in plan order. */
        public String fingerprint() {
            StringBuilder text = new StringBuilder();
            for (PlannedClient client : clients) {
                for (PlannedMeasurement m : client.measurements()) {
                    text.append(fingerprintLine(teamNames.get(client.team()), client.firstName(), client.lastName(),
                            m.date(), m.version(), m.answers())).append('\n');
                }
            }
            return sha256(text.toString());
        }
    }

    /**
     * What was written: ids of teams, clients and evaluations, the three form version ids (oldest
     * first), and the case work (contracts, aid requests, support plans, committee meetings).
     */
    public record Result(Plan plan, List<Long> teamIds, List<String> usernames, List<Long> clientIds,
                         List<Long> evaluationIds, List<Long> formVersionIds, DemoCaseWork.Result caseWork) {
    }

    /** A demo set with this seed exists already. */
    public static class AlreadyGeneratedException extends IllegalStateException {
        AlreadyGeneratedException(String message) {
            super(message);
        }
    }

    private final UserAccounts accounts;
    private final TeamRepository teams;
    private final ClientService clients;
    private final EvaluationService evaluations;
    private final FormCatalog catalog;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final DemoCaseWork caseWork;
    private final String fixedPassword;

    DemoDataGenerator(UserAccounts accounts, TeamRepository teams, ClientService clients, EvaluationService evaluations,
                      FormCatalog catalog, JdbcTemplate jdbc, Clock clock, DemoCaseWork caseWork,
                      @Value("${parcours.demo.password:}") String fixedPassword) {
        this.accounts = accounts;
        this.teams = teams;
        this.clients = clients;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.clock = clock;
        this.caseWork = caseWork;
        this.fixedPassword = fixedPassword;
    }

    /** Generates a demo set ending today (by the application's clock). */
    public Result generate(long seed, Size size) {
        return generate(seed, size, LocalDate.now(clock));
    }

    /**
     * Generates a demo set whose measurements end on {@code until}.
     *
     * @throws AlreadyGeneratedException when a demo set with this seed exists (its first team is there)
     */
    public Result generate(long seed, Size size, LocalDate until) {
        String marker = teamName(seed, 0);
        if (teams.findByName(marker).isPresent()) {
            throw new AlreadyGeneratedException("Demo data with seed " + seed + " already exists (team '" + marker
                    + "'); nothing generated. Use another seed or a fresh database.");
        }
        PublishedForm live = catalog.current(FORM);
        List<String> factors = factors(live);
        Plan plan = plan(seed, size, until, factors);
        String text = liveText(live);
        List<PublishedForm> versions = List.of(
                catalog.publishText(FORM, earlierLabel(withoutItem(text, ADDED_FACTOR))),
                catalog.publishText(FORM, earlierLabel(text)),
                live);
        backDate("form_version", versions.get(0).versionId(), until.minusDays(365L * size.years() + 1));
        backDate("form_version", versions.get(1).versionId(), cutoffs(size, until)[0]);

        String password = fixedPassword.isBlank() ? randomPassword() : fixedPassword;
        List<Long> teamIds = new ArrayList<>();
        List<String> usernames = new ArrayList<>();
        for (int t = 0; t < size.teams(); t++) {
            String team = plan.teamNames().get(t);
            for (int w = 0; w < size.workersPerTeam(); w++) {
                String username = username(seed, t, w);
                accounts.create(username, password, "Travailleur démo " + (t + 1) + "." + (w + 1), Set.of(Role.WORKER), Set.of(team));
                usernames.add(username);
            }
            teamIds.add(teams.findByName(team).orElseThrow().getId());
        }
        List<Long> clientIds = new ArrayList<>();
        List<Long> evaluationIds = new ArrayList<>();
        for (PlannedClient planned : plan.clients()) {
            String worker = username(seed, planned.team(), planned.worker());
            ClientSummary client = as(worker, () -> clients.create(new NewClient(planned.firstName(), planned.lastName(),
                    planned.birthDate(), teamIds.get(planned.team()), null, planned.followUpStart())));
            clientIds.add(client.id());
            for (PlannedMeasurement m : planned.measurements()) {
                long id = as(worker, () -> {
                    EvaluationDetails blank = evaluations.blank(client.id(), FORM);
                    EvaluationDetails onVersion = new EvaluationDetails(blank.id(), blank.client(), versions.get(m.version()),
                            blank.status(), blank.revisionNumber(), Map.of(), blank.createdBy(), blank.updatedAt(),
                            blank.lockVersion(), blank.editable(), blank.revisions(), Map.of(), java.util.Optional.empty(), Set.of());
                    return evaluations.submit(onVersion, m.answers()).id().orElseThrow();
                });
                backDateEvaluation(id, m.submittedAt());
                evaluationIds.add(id);
            }
        }
        List<DemoCaseWork.Team> teamsOfClients = new ArrayList<>();
        for (int t = 0; t < size.teams(); t++) {
            List<Long> ids = new ArrayList<>();
            List<String> workers = new ArrayList<>();
            for (int c = 0; c < plan.clients().size(); c++) {
                if (plan.clients().get(c).team() == t) {
                    ids.add(clientIds.get(c));
                    workers.add(username(seed, t, plan.clients().get(c).worker()));
                }
            }
            teamsOfClients.add(new DemoCaseWork.Team(List.copyOf(ids), List.copyOf(workers)));
        }
        DemoCaseWork.Result work = caseWork.write(seed, until, plan.teamNames(), teamsOfClients, password);
        log.warn("""

                ==== Parcours demo data (seed {}) ====
                  {} teams ({} ...), {} workers ({} ...), {} clients, {} IMASP measurements up to {}
                  {} MASP contracts, {} CASU aid requests, {} support plans; committee member {}:
                  {} meetings, {} agenda items, {} decisions
                  password of every demo user: {}
                ======================================""",
                seed, size.teams(), plan.teamNames().getFirst(), usernames.size(), usernames.getFirst(),
                clientIds.size(), evaluationIds.size(), until, work.contractIds().size(), work.aidRequestIds().size(),
                work.supportPlanIds().size(), work.committeeUser(), work.meetingIds().size(), work.agendaItemIds().size(),
                work.decisionIds().size(), fixedPassword.isBlank() ? password : "(parcours.demo.password)");
        return new Result(plan, teamIds, usernames, clientIds, evaluationIds,
                versions.stream().map(PublishedForm::versionId).toList(), work);
    }

    /** The plan of a demo set: a pure function of its arguments (one {@code Random(seed)}, no clock). */
    public static Plan plan(long seed, Size size, LocalDate until, List<String> factors) {
        Random random = new Random(seed);
        LocalDate from = until.minusDays(365L * size.years());
        LocalDate[] cutoffs = cutoffs(size, until);
        List<String> teamNames = new ArrayList<>();
        for (int t = 0; t < size.teams(); t++) {
            teamNames.add(teamName(seed, t));
        }
        List<PlannedClient> planned = new ArrayList<>();
        long spread = Math.max(1, ChronoUnit.DAYS.between(from, cutoffs[1]));
        for (int t = 0; t < size.teams(); t++) {
            for (int c = 0; c < size.clientsPerTeam(); c++) {
                String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
                String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
                LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 43));
                int worker = random.nextInt(size.workersPerTeam());
                // the first client of each team is followed from the very start: it spans every form version
                LocalDate start = c == 0 ? from : from.plusDays(random.nextLong(spread));
                boolean socialOnly = random.nextDouble() < 0.15;
                String reason = SOCIAL_ONLY_REASONS[random.nextInt(SOCIAL_ONLY_REASONS.length)];
                int[] state = new int[factors.size()];
                for (int f = 0; f < state.length; f++) {
                    double u = random.nextDouble();
                    state[f] = u < 0.55 ? 0 : u < 0.85 ? 1 : 2;
                }
                List<PlannedMeasurement> measurements = new ArrayList<>();
                for (LocalDate day = start.plusDays(random.nextInt(15)); !day.isAfter(until);
                     day = day.plusDays(110 + random.nextInt(26))) {
                    int version = day.isBefore(cutoffs[0]) ? 0 : day.isBefore(cutoffs[1]) ? 1 : 2;
                    Map<String, String> answers = new TreeMap<>();
                    for (int f = 0; f < state.length; f++) {
                        double step = random.nextDouble();
                        // a slow drift towards fewer obstacles, with setbacks
                        state[f] = step < 0.14 ? Math.max(0, state[f] - 1) : step < 0.22 ? Math.min(2, state[f] + 1) : state[f];
                        double odd = random.nextDouble();
                        String code = odd < 0.03 ? "NVT" : odd < 0.05 ? "?" : CODES.get(state[f]);
                        if (version > 0 || !factors.get(f).equals(ADDED_FACTOR)) {
                            answers.put(factors.get(f), code);
                        }
                    }
                    answers.put("track", socialOnly ? "social-only" : "social-professional");
                    if (socialOnly) {
                        answers.put("social_only_reason", reason);
                    }
                    Instant at = day.atTime(8, 30).toInstant(ZoneOffset.UTC).plusSeconds(60L * random.nextInt(8 * 60));
                    measurements.add(new PlannedMeasurement(day, at, version, Map.copyOf(answers)));
                }
                planned.add(new PlannedClient(first, last, birth, t, worker, start, List.copyOf(measurements)));
            }
        }
        return new Plan(seed, size, until, List.copyOf(teamNames), List.copyOf(planned));
    }

    /** The scale items (IMASP factors) of a form version, in form order. */
    static List<String> factors(PublishedForm form) {
        return form.definition().allItems().filter(ScaleItem.class::isInstance).map(i -> i.id()).toList();
    }

    static String fingerprintLine(String team, String firstName, String lastName, LocalDate day, int version,
                                  Map<String, String> answers) {
        return team + "|" + firstName + "|" + lastName + "|" + day + "|" + version + "|" + new TreeMap<>(answers);
    }

    static String teamName(long seed, int team) {
        return "Demo " + seed + " – Équipe " + (team + 1);
    }

    static String username(long seed, int team, int worker) {
        return "demo" + seed + "-t" + (team + 1) + "w" + (worker + 1);
    }

    private static LocalDate[] cutoffs(Size size, LocalDate until) {
        long days = 365L * size.years();
        return new LocalDate[] {until.minusDays(days * 2 / 3), until.minusDays(days / 3)};
    }

    /** The form file's text as stored in the live version (its scales are read again from the folder). */
    private String liveText(PublishedForm live) {
        String stored = jdbc.queryForObject("SELECT definition FROM form_version WHERE id = ?", String.class, live.versionId());
        int start = stored.lastIndexOf("# source: " + FORM + ".yaml\n");
        if (start < 0) {
            throw new IllegalStateException("Cannot find the text of " + FORM + ".yaml in form version " + live.versionId());
        }
        return stored.substring(start + ("# source: " + FORM + ".yaml\n").length());
    }

    /** The form text without one item: its "- id:" line and every following line indented deeper. */
    static String withoutItem(String text, String itemId) {
        List<String> lines = text.lines().toList();
        StringBuilder out = new StringBuilder();
        int removing = -1;
        boolean found = false;
        for (String line : lines) {
            int indent = line.length() - line.stripLeading().length();
            if (removing >= 0 && (line.isBlank() || indent > removing)) {
                continue;
            }
            removing = -1;
            if (line.strip().equals("- id: " + itemId)) {
                removing = indent;
                found = true;
                continue;
            }
            out.append(line).append('\n');
        }
        if (!found) {
            throw new IllegalStateException("forms/" + FORM + ".yaml has no item '" + itemId + "' to leave out of the oldest demo version");
        }
        return out.toString();
    }

    /** The form text with the earlier label of {@link #RENAMED_FACTOR}. */
    static String earlierLabel(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("- id: " + RENAMED_FACTOR)) {
                int itemIndent = lines.get(i).indexOf('-');
                for (int j = i + 1; j < lines.size() && lines.get(j).length() - lines.get(j).stripLeading().length() > itemIndent; j++) {
                    if (lines.get(j).strip().startsWith("label:")) {
                        String line = lines.get(j);
                        lines.set(j, line.substring(0, line.indexOf("label:")) + EARLIER_LABEL);
                        return String.join("\n", lines) + "\n";
                    }
                }
            }
        }
        throw new IllegalStateException("forms/" + FORM + ".yaml has no one-line label for '" + RENAMED_FACTOR + "' to rename");
    }

    private void backDate(String table, long id, LocalDate day) {
        jdbc.update("UPDATE " + table + " SET published_at = LEAST(published_at, ?) WHERE id = ?",
                day.atStartOfDay(), id);
    }

    /** Sets the times of a just-submitted evaluation and its (single) revision to the planned moment. */
    private void backDateEvaluation(long evaluationId, Instant at) {
        // stored like Hibernate stores instants: UTC local date-times (hibernate.jdbc.time_zone=UTC)
        LocalDateTime t = LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        jdbc.update("""
                UPDATE submission e JOIN submission_revision r ON r.submission_id = e.id
                SET e.created_at = ?, e.updated_at = ?, r.created_at = ?, r.updated_at = ?, r.submitted_at = ?
                WHERE e.id = ?""", t, t, t, t, t, evaluationId);
    }

    private static <T> T as(String username, Supplier<T> action) {
        Authentication previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, "n/a", List.of(new SimpleGrantedAuthority("ROLE_" + Role.WORKER.name()))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    /** Not part of the plan: passwords never come from the seed. */
    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
