package org.parcours.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.FormNotFoundException;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.reporting.ExportLayout.Column;
import org.parcours.reporting.ExportLayout.Group;
import org.parcours.reporting.ExportLayout.Kind;
import org.parcours.reporting.TableWriter.Cell;
import org.parcours.security.CurrentUser;
import org.parcours.security.UserContext;
import org.parcours.submissions.SubmissionKind;
import org.parcours.submissions.Submissions;
import org.parcours.submissions.SubmittedForm;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Exports the submissions of a form, of any kind (read through {@link Submissions}): per evaluation
 * its latest submitted revision (submitted or being amended), per CASU request the submitted
 * request, per MASP contract its latest signed text, for the clients the user may see (a worker: their teams; the committee: its
 * teams; an administrator: all). Rows are read and written client chunk by chunk, so memory does
 * not grow with the export. Every export is audited with its format, kind and size.
 */
@Service
public class ExportService {

    static final String TARGET = "form";
    static final String MAIN = "main";
    static final String AGGREGATES = "aggregates";
    private static final int CHUNK = 100;
    /** Places of the age band and the team among the fixed columns of an anonymised export. */
    private static final int AGE_BAND = 2;
    private static final int TEAM = 3;

    /** Told how far an export is: {@code done} of {@code total} steps. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    public record ExportRequest(String formKey, ExportFormat format, boolean anonymised, Locale locale) {
    }

    public record ExportResult(String fileName, int rows, int groupRows) {
    }

    private final CurrentUser currentUser;
    private final ClientService clients;
    private final Submissions submissions;
    private final FormCatalog catalog;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ExportService(CurrentUser currentUser, ClientService clients, Submissions submissions, FormCatalog catalog, AuditLog audit,
                  TransactionTemplate transactions, Clock clock) {
        this.currentUser = currentUser;
        this.clients = clients;
        this.submissions = submissions;
        this.catalog = catalog;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Every published version of a form, oldest first. */
    public List<PublishedForm> versions(String formKey) {
        List<PublishedForm> versions = catalog.versionIds(formKey).stream().map(catalog::version)
                .sorted(Comparator.comparingInt(PublishedForm::versionNumber)).toList();
        if (versions.isEmpty()) {
            throw new FormNotFoundException("No published version of form '" + formKey + "'");
        }
        return versions;
    }

    /** The forms that can be exported (every form with a live version), by key. */
    public List<PublishedForm> forms() {
        return catalog.liveForms().stream().sorted(Comparator.comparing(PublishedForm::formKey)).toList();
    }

    /** The policy numbers of anonymised exports, for the in-app explanation. */
    public record AnonymisationPolicy(int threshold, String ageBands, String birthDateItems) {
    }

    public AnonymisationPolicy anonymisationPolicy() {
        var policy = catalog.policy();
        return new AnonymisationPolicy(policy.integer(Anonymiser.THRESHOLD), policy.text(Anonymiser.AGE_BANDS).orElse(""),
                policy.text(Anonymiser.BIRTH_DATE_ITEMS).orElse(""));
    }

    public String fileName(ExportRequest request) {
        return "parcours-" + request.formKey() + "-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE)
                + (request.anonymised() ? "-anonymised" : "") + "." + request.format().extension();
    }

    /**
     * Writes the export to {@code out}. Runs on any thread that carries the user's security
     * context (the UI runs it in the background).
     */
    public ExportResult export(ExportRequest request, OutputStream out, Progress progress) {
        UserContext user = currentUser.require();
        List<PublishedForm> versions = versions(request.formKey());
        Map<Long, Integer> versionNumbers = new java.util.HashMap<>();
        versions.forEach(v -> versionNumbers.put(v.versionId(), v.versionNumber()));
        ExportLayout layout = ExportLayout.of(versions, request.locale(), request.anonymised(), user.roleNames());
        Optional<Anonymiser> anonymiser = request.anonymised() ? Optional.of(new Anonymiser(catalog.policy(), random)) : Optional.empty();
        List<ClientSummary> visible = new ArrayList<>(clients.visibleClients());
        // anonymised rows must not come in name order
        anonymiser.ifPresent(a -> visible.sort(Comparator.comparing(c -> a.pseudonym("client", c.id()))));
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        List<List<Cell>> held = new ArrayList<>();
        QuasiIdentifiers rare = new QuasiIdentifiers(anonymiser.map(Anonymiser::threshold).orElse(0));
        int rows = 0;
        int groupRows = 0;
        String fileName = fileName(request);
        // an evaluation form keeps its evaluation_id; a CASU or MASP form may also hold plain
        // evaluations, so its rows say their kind beside their id
        boolean mixed = submissions.kindOf(request.formKey()) != SubmissionKind.EVALUATION;
        List<String> linkColumns = request.anonymised() ? List.of("record") : mixed ? List.of("submission_kind", "submission_id")
                : List.of(SubmissionKind.EVALUATION.idColumn());
        try (TableWriter writer = TableWriter.of(request.format(), request.formKey())) {
            writer.table(MAIN, header(layout.columns(), mainFixed(request.anonymised(), linkColumns)));
            for (Group group : layout.groups()) {
                writer.table(group.id(), header(group.columns(), java.util.stream.Stream.concat(linkColumns.stream(), java.util.stream.Stream.of("row")).toList()));
            }
            int chunks = Math.max(1, (visible.size() + CHUNK - 1) / CHUNK);
            progress.update(0, chunks);
            for (int chunk = 0; chunk < chunks; chunk++) {
                List<ClientSummary> part = visible.subList(Math.min(visible.size(), chunk * CHUNK), Math.min(visible.size(), (chunk + 1) * CHUNK));
                Map<Long, ClientSummary> byId = new LinkedHashMap<>();
                part.forEach(c -> byId.put(c.id(), c));
                Map<Long, List<SubmittedForm>> submitted = part.isEmpty() ? Map.of()
                        : submissions.submittedOfClients(byId.keySet(), request.formKey());
                for (ClientSummary client : part) {
                    for (SubmittedForm m : submitted.getOrDefault(client.id(), List.of())) {
                        LocalDate on = LocalDate.ofInstant(m.submittedAt(), ZoneOffset.UTC);
                        List<Cell> row = new ArrayList<>();
                        String link;
                        if (anonymiser.isPresent()) {
                            Anonymiser a = anonymiser.get();
                            link = a.pseudonym(m.kind().code(), m.id());
                            String band = a.ageBand(client.birthDate(), on);
                            String person = a.pseudonym("client", client.id());
                            row.add(Cell.of(link));
                            row.add(Cell.of(person));
                            row.add(Cell.of(band));
                            row.add(Cell.of(client.teamName()));
                            rare.add(person, band, client.teamName());
                            row.add(Cell.numeric(String.valueOf(versionNumbers.getOrDefault(m.formVersionId(), 0))));
                            row.add(Cell.of(on.toString().substring(0, 7)));
                            count(counts, "age_band", band);
                        } else {
                            link = String.valueOf(m.id());
                            if (mixed) {
                                row.add(Cell.of(m.kind().code()));
                            }
                            row.add(Cell.numeric(link));
                            row.add(Cell.numeric(String.valueOf(client.id())));
                            row.add(Cell.of(client.lastName()));
                            row.add(Cell.of(client.firstName()));
                            row.add(Cell.of(client.teamName()));
                            row.add(Cell.numeric(String.valueOf(versionNumbers.getOrDefault(m.formVersionId(), 0))));
                            row.add(Cell.numeric(String.valueOf(m.revision())));
                            row.add(Cell.of(m.submittedAt().toString()));
                            row.add(Cell.of(m.submittedBy() == null ? "" : m.submittedBy()));
                        }
                        for (Column column : layout.columns()) {
                            row.add(cell(column, m.answers().getOrDefault(column.id(), ""), on, anonymiser, counts, column.id()));
                        }
                        if (anonymiser.isPresent()) {
                            held.add(row); // written once every row's age band and team are known
                        } else {
                            writer.row(MAIN, row);
                        }
                        rows++;
                        for (Group group : layout.groups()) {
                            int count = parseCount(m.answers().get(group.id()));
                            for (int r = 1; r <= count; r++) {
                                List<Cell> groupRow = new ArrayList<>();
                                if (mixed && anonymiser.isEmpty()) {
                                    groupRow.add(Cell.of(m.kind().code()));
                                }
                                groupRow.add(anonymiser.isPresent() ? Cell.of(link) : Cell.numeric(link));
                                groupRow.add(Cell.numeric(String.valueOf(r)));
                                for (Column column : group.columns()) {
                                    String value = m.answers().getOrDefault(group.id() + "." + r + "." + column.id(), "");
                                    groupRow.add(cell(column, value, on, anonymiser, counts, group.id() + "." + column.id()));
                                }
                                writer.row(group.id(), groupRow);
                                groupRows++;
                            }
                        }
                    }
                }
                progress.update(chunk + 1, chunks);
            }
            for (List<Cell> row : held) {
                List<String> shown = rare.shown(row.get(AGE_BAND).text(), row.get(TEAM).text());
                row.set(AGE_BAND, Cell.of(shown.get(0)));
                row.set(TEAM, Cell.of(shown.get(1)));
                writer.row(MAIN, row);
            }
            if (anonymiser.isPresent()) {
                writeAggregates(writer, layout, counts, anonymiser.get());
            }
            writer.finish(out);
        } catch (IOException e) {
            throw new UncheckedIOException("The export could not be written", e);
        }
        int total = rows;
        int totalGroupRows = groupRows;
        transactions.executeWithoutResult(status -> audit.record(user.username(), AuditAction.EXPORT_CREATED, TARGET, request.formKey(),
                request.format().name().toLowerCase(Locale.ROOT) + (request.anonymised() ? " anonymised" : " identified") + ", "
                        + total + " submissions, " + totalGroupRows + " repeat rows, versions "
                        + versions.getFirst().versionNumber() + "-" + versions.getLast().versionNumber() + ", "
                        + visible.size() + " visible clients"));
        return new ExportResult(fileName, total, totalGroupRows);
    }

    /**
     * One submission as read by the API, with its answers: the latest submitted revision of an
     * evaluation, a submitted aid request, or a contract's latest signed text ({@code revision} is
     * then its text number). {@code evaluationId} is the id of an evaluation, else null.
     * {@code measuredOn}: the answer of the item its form version binds to {@code measurement.date},
     * when the form binds one, it is answered and the reader may see it.
     */
    public record Submission(SubmissionKind kind, long id, Long evaluationId, long clientId, int formVersion, int revision,
                             java.time.Instant submittedAt, String submittedBy, Optional<LocalDate> measuredOn, Map<String, String> answers) {
    }

    /**
     * The submissions of a form for the clients the user may see, newest first per client, in
     * client-name order; audited as one read.
     */
    public List<Submission> submissions(String formKey) {
        return submissions(formKey, clients.visibleClients(), "");
    }

    /**
     * The submissions of a form for the clients of a meeting's agenda, which the caller has read
     * through that meeting's access rule (docs/decisions/0016, {@code committee.AgendaAccess});
     * audited as one read naming the meeting.
     */
    public List<Submission> submissionsThroughAgenda(String formKey, List<ClientSummary> agendaClients, long meetingId) {
        return submissions(formKey, agendaClients, " of the agenda of meeting " + meetingId);
    }

    private List<Submission> submissions(String formKey, List<ClientSummary> visible, String context) {
        UserContext user = currentUser.require();
        Map<Long, Integer> versionNumbers = new java.util.HashMap<>();
        Map<Long, PublishedForm> byId = new java.util.HashMap<>();
        versions(formKey).forEach(v -> {
            versionNumbers.put(v.versionId(), v.versionNumber());
            byId.put(v.versionId(), v);
        });
        Set<String> hidden = ExportLayout.hiddenFrom(List.copyOf(byId.values()), user.roleNames());
        List<Submission> found = new ArrayList<>();
        for (int from = 0; from < visible.size(); from += CHUNK) {
            List<Long> ids = visible.subList(from, Math.min(visible.size(), from + CHUNK)).stream().map(ClientSummary::id).toList();
            Map<Long, List<SubmittedForm>> submitted = submissions.submittedOfClients(ids, formKey);
            for (Long id : ids) {
                for (SubmittedForm m : submitted.getOrDefault(id, List.of())) {
                    PublishedForm version = byId.get(m.formVersionId());
                    Map<String, String> answers = visibleAnswers(version, hidden, m.answers());
                    found.add(new Submission(m.kind(), m.id(), m.kind() == SubmissionKind.EVALUATION ? m.id() : null, id,
                            versionNumbers.getOrDefault(m.formVersionId(), 0), m.revision(), m.submittedAt(), m.submittedBy(),
                            version == null ? Optional.empty() : version.definition().measuredOn(answers), new TreeMap<>(answers)));
                }
            }
        }
        transactions.executeWithoutResult(status -> audit.record(user.username(), AuditAction.SUBMISSIONS_READ, TARGET, formKey,
                found.size() + " submissions" + context + " read through the API"));
        return found;
    }

    /** The answers outside the hidden items; none when the version is unknown (it cannot be checked). */
    private static Map<String, String> visibleAnswers(PublishedForm version, Set<String> hidden, Map<String, String> answers) {
        return version == null ? Map.of() : org.parcours.formdef.FormDefinition.answersOutside(hidden, answers);
    }

    private static List<String> mainFixed(boolean anonymised, List<String> link) {
        return anonymised
                ? List.of("record", "person", "age_band", "team", "form_version", "submitted_month")
                : java.util.stream.Stream.concat(link.stream(), java.util.stream.Stream.of("client_id", "client_last_name", "client_first_name", "team", "form_version", "revision",
                "submitted_at", "submitted_by")).toList();
    }

    private static List<String> header(List<Column> columns, List<String> fixed) {
        List<String> header = new ArrayList<>(fixed);
        columns.forEach(c -> header.add(c.header()));
        return header;
    }

    private static Cell cell(Column column, String value, LocalDate on, Optional<Anonymiser> anonymiser,
                             Map<String, Map<String, Long>> counts, String countKey) {
        if (value.isEmpty()) {
            return Cell.of("");
        }
        return switch (column.kind()) {
            case NUMBER, COMPUTED -> Cell.numeric(value);
            case DATE -> Cell.of(anonymiser.map(a -> {
                String shown = a.date(column.id(), value, on);
                if (a.isBirthDate(column.id())) {
                    count(counts, countKey, shown);
                }
                return shown;
            }).orElse(value));
            case CATEGORY -> {
                if (anonymiser.isPresent()) {
                    for (String code : value.split(",")) {
                        count(counts, countKey, code.strip());
                    }
                }
                yield Cell.of(value);
            }
            case TEXT -> Cell.of(value);
        };
    }

    private static void count(Map<String, Map<String, Long>> counts, String key, String value) {
        if (!value.isEmpty()) {
            counts.computeIfAbsent(key, k -> new TreeMap<>()).merge(value, 1L, Long::sum);
        }
    }

    /** Counts per value of every category item (and age band): small groups shown as "<N". */
    private static void writeAggregates(TableWriter writer, ExportLayout layout, Map<String, Map<String, Long>> counts, Anonymiser a)
            throws IOException {
        writer.table(AGGREGATES, List.of("table", "item", "label", "value", "count"));
        Map<String, String[]> described = new LinkedHashMap<>();
        described.put("age_band", new String[]{MAIN, "age_band", "age band"});
        layout.columns().forEach(c -> described.put(c.id(), new String[]{MAIN, c.id(), c.label()}));
        layout.groups().forEach(g -> g.columns().forEach(c -> described.put(g.id() + "." + c.id(), new String[]{g.id(), c.id(), c.label()})));
        for (Map.Entry<String, String[]> entry : described.entrySet()) {
            Map<String, Long> values = counts.get(entry.getKey());
            if (values == null) {
                continue;
            }
            for (Map.Entry<String, Long> value : values.entrySet()) {
                String[] d = entry.getValue();
                writer.row(AGGREGATES, List.of(Cell.of(d[0]), Cell.of(d[1]), Cell.of(d[2]), Cell.of(value.getKey()),
                        Cell.numeric(a.count(value.getValue()))));
            }
        }
    }

    private static int parseCount(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
