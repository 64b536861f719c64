package org.parcours.measurements;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.clients.ClientFilter;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.Measurement;
import org.parcours.formdef.BindingRole;
import org.parcours.formdef.ComputedItem;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Item;
import org.parcours.formdef.NoteItem;
import org.parcours.formdef.RepeatItem;
import org.parcours.formdef.ScaleItem;
import org.parcours.formdef.ScaleValue;
import org.parcours.formrun.FormSession;
import org.parcours.formrun.Issue;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserAccounts;
import org.parcours.security.UserContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports past measurements from a CSV or XLSX file (forms/README.md, "Importing past
 * measurements"): a header {@code client;<date item>;<item id>...} (and optionally
 * {@code author}), then one line per client and measurement date. The client is a national
 * register number or a client id of any team: importing is for administrators only, as it
 * creates measurements in any team's files and may name other users as their authors. The measurement date is the column of the item the form binds to
 * {@code measurement.date}. The author, when the file has that column, is the user name of
 * whoever measured (a user of this installation, possibly disabled since); without it, or in an
 * empty cell, the importing user is the author.
 *
 * <p>{@link #dryRun} judges every line and changes nothing. {@link #importFile} does the same
 * inside one transaction and creates the measurements only when no line is refused: a file is
 * imported whole or not at all. A line whose client already has a measurement with the form on
 * that date is left out, so importing the same file again creates nothing new. Each measurement
 * is created and submitted through {@link EvaluationService}, with the form's every rule, and is
 * audited there; the file is audited once more as a whole.
 */
@Service
public class MeasurementImport {

    static final String CLIENT_COLUMN = "client";
    static final String AUTHOR_COLUMN = "author";
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d/M/uuuu");

    private final EvaluationService evaluations;
    private final ClientService clients;
    private final FormCatalog catalog;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final UserAccounts accounts;
    private final Clock clock;
    private final int maxBytes;
    private final int maxLines;

    MeasurementImport(EvaluationService evaluations, ClientService clients, FormCatalog catalog, CurrentUser currentUser,
                      AuditLog audit, UserAccounts accounts, Clock clock, @Value("${parcours.import.max-bytes:1000000}") int maxBytes,
                      @Value("${parcours.import.max-lines:5000}") int maxLines) {
        this.evaluations = evaluations;
        this.clients = clients;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.audit = audit;
        this.accounts = accounts;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.maxLines = maxLines;
    }

    /** The live forms whose submissions carry a measurement date: those a file can be imported into. */
    public List<String> importableForms() {
        return catalog.liveForms().stream().filter(f -> f.definition().boundItem(BindingRole.MEASUREMENT_DATE).isPresent())
                .map(f -> f.formKey()).sorted().toList();
    }

    /** Judges the file line by line; creates nothing. */
    @Transactional(readOnly = true)
    public ImportReport dryRun(String formKey, byte[] file) {
        return dryRun(formKey, file, ImportProgress.NONE);
    }

    /** As {@link #dryRun(String, byte[])}, telling {@code progress} how many lines are checked. */
    @Transactional(readOnly = true)
    public ImportReport dryRun(String formKey, byte[] file, ImportProgress progress) {
        UserContext user = requireImporter();
        return judge(formKey, file, user, progress);
    }

    /**
     * Imports the file in one transaction: every measurement or none.
     *
     * @throws ImportRefusedException when the file or a line is refused (nothing is created)
     */
    @Transactional
    public ImportReport importFile(String formKey, byte[] file, String fileName) {
        return importFile(formKey, file, fileName, ImportProgress.NONE);
    }

    /**
     * As {@link #importFile(String, byte[], String)}, telling {@code progress} how far it is: the
     * lines are checked first (the first half), then the measurements created (the second).
     */
    @Transactional
    public ImportReport importFile(String formKey, byte[] file, String fileName, ImportProgress progress) {
        UserContext user = requireImporter();
        ImportReport report = judge(formKey, file, user, (done, total) -> progress.reached(done, 2 * total));
        if (!report.importable()) {
            throw new ImportRefusedException(report);
        }
        int created = 0;
        int total = report.lines().size();
        int done = 0;
        for (ImportLine line : report.lines()) {
            done++;
            if (line.outcome() == ImportLine.Outcome.CREATE) {
                // the file's answers only: nothing is carried over from an earlier measurement
                evaluations.submitImported(line.clientId().orElseThrow(), formKey, line.answers(), line.author());
                created++;
            }
            progress.reached(total + done, 2 * total);
        }
        audit.record(user.username(), AuditAction.MEASUREMENTS_IMPORTED, "form", formKey, "file " + fileName + ": "
                + created + " measurement(s) created, " + (report.lines().size() - created) + " already there");
        return new ImportReport(formKey, List.of(), report.lines(), created);
    }

    private UserContext requireImporter() {
        UserContext user = currentUser.require();
        if (!user.has(Role.ADMIN)) {
            // an import creates measurements in any team's files under the authors it names
            audit.recordDenied(user.username(), "form", "import", "importing measurements is for administrators");
            throw new AccessDeniedException("Importing measurements is for administrators");
        }
        return user;
    }

    private ImportReport judge(String formKey, byte[] file, UserContext importer, ImportProgress progress) {
        FormDefinition form = catalog.current(formKey).definition();
        if (file.length > maxBytes) {
            return fileProblem(formKey, ImportProblem.of("too-large", file.length / 1000, maxBytes / 1000));
        }
        List<List<String>> rows;
        if (Xlsx.isXlsx(file)) {
            Optional<List<List<String>>> read = Xlsx.rows(file);
            if (read.isEmpty()) {
                return fileProblem(formKey, ImportProblem.of("not-readable"));
            }
            rows = read.get();
        } else {
            rows = Csv.parse(new String(file, StandardCharsets.UTF_8).replace("\uFEFF", ""));
        }
        if (rows.isEmpty()) {
            return fileProblem(formKey, ImportProblem.of("empty"));
        }
        if (rows.size() - 1 > maxLines) {
            return fileProblem(formKey, ImportProblem.of("too-many-lines", rows.size() - 1, maxLines));
        }
        Optional<String> dateItem = form.boundItem(BindingRole.MEASUREMENT_DATE);
        if (dateItem.isEmpty()) {
            return fileProblem(formKey, ImportProblem.of("no-measurement-date", formKey));
        }
        List<String> header = rows.getFirst().stream().map(String::strip).toList();
        List<ImportProblem> headerProblems = new ArrayList<>();
        Map<String, Item> answerable = new LinkedHashMap<>();
        form.items().filter(i -> !(i instanceof NoteItem || i instanceof ComputedItem || i instanceof RepeatItem))
                .forEach(i -> answerable.put(i.id(), i));
        if (!header.contains(CLIENT_COLUMN)) {
            headerProblems.add(ImportProblem.of("missing-column", CLIENT_COLUMN));
        }
        if (!header.contains(dateItem.get())) {
            headerProblems.add(ImportProblem.of("missing-column", dateItem.get()));
        }
        Set<String> seenColumns = new HashSet<>();
        for (String column : header) {
            if (!seenColumns.add(column)) {
                headerProblems.add(ImportProblem.of("duplicate-column", column));
            } else if (!column.equals(CLIENT_COLUMN) && !column.equals(AUTHOR_COLUMN) && !answerable.containsKey(column)) {
                headerProblems.add(ImportProblem.of("unknown-item", column, formKey));
            }
        }
        if (!headerProblems.isEmpty()) {
            return new ImportReport(formKey, headerProblems, List.of(), 0);
        }
        LocalDate today = LocalDate.now(clock);
        Map<Long, Set<LocalDate>> existing = new HashMap<>();
        Set<String> inFile = new HashSet<>();
        Map<String, Optional<String>> authors = new HashMap<>();
        List<ImportLine> lines = new ArrayList<>();
        int lineCount = rows.size() - 1;
        for (int r = 1; r < rows.size(); r++) {
            progress.reached(r - 1, lineCount);
            List<String> cells = rows.get(r);
            int lineNumber = r + 1;
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            List<ImportProblem> problems = new ArrayList<>();
            if (cells.size() != header.size()) {
                problems.add(ImportProblem.of("cell-count", cells.size(), header.size()));
                lines.add(new ImportLine(lineNumber, Optional.empty(), Optional.empty(), importer.username(), Map.of(),
                        ImportLine.Outcome.REFUSED, problems));
                continue;
            }
            Map<String, String> answers = new LinkedHashMap<>();
            String clientText = "";
            String authorText = "";
            for (int c = 0; c < header.size(); c++) {
                String value = cells.get(c).strip();
                if (header.get(c).equals(CLIENT_COLUMN)) {
                    clientText = value;
                } else if (header.get(c).equals(AUTHOR_COLUMN)) {
                    authorText = value;
                } else if (!value.isEmpty()) {
                    answers.put(header.get(c), value);
                }
            }
            Optional<ClientSummary> client = client(clientText);
            if (client.isEmpty()) {
                problems.add(ImportProblem.of("unknown-client", clientText));
            }
            String author = importer.username();
            if (!authorText.isEmpty()) {
                Optional<String> known = authors.computeIfAbsent(authorText, accounts::existingUsername);
                if (known.isEmpty()) {
                    problems.add(ImportProblem.of("unknown-author", authorText));
                } else {
                    author = known.get();
                }
            }
            Optional<LocalDate> on = date(answers.getOrDefault(dateItem.get(), ""));
            if (on.isEmpty()) {
                problems.add(ImportProblem.of("bad-date", answers.getOrDefault(dateItem.get(), "")));
            } else {
                answers.put(dateItem.get(), on.get().toString());
                if (on.get().isAfter(today)) {
                    problems.add(ImportProblem.of("future-date", on.get()));
                }
                client.map(ClientSummary::birthDate).filter(on.get()::isBefore)
                        .ifPresent(birth -> problems.add(ImportProblem.of("before-birth", on.get(), birth)));
            }
            answers.forEach((itemId, value) -> {
                if (answerable.get(itemId) instanceof ScaleItem scale && scale.scale().value(value).isEmpty()) {
                    problems.add(ImportProblem.of("not-in-scale", value, itemId,
                            String.join(", ", scale.scale().values().stream().map(ScaleValue::code).toList())));
                }
            });
            if (problems.isEmpty()) {
                // the form's own rules, as submitting will check them
                for (Issue issue : FormSession.resume(form, answers, today).validate()) {
                    problems.add(ImportProblem.of("answer", issue.path(), answers.getOrDefault(issue.path(), ""),
                            issue.kind().name()));
                }
            }
            ImportLine.Outcome outcome = ImportLine.Outcome.CREATE;
            if (client.isPresent() && on.isPresent()) {
                if (!inFile.add(client.get().id() + "@" + on.get())) {
                    problems.add(ImportProblem.of("duplicate-line", on.get()));
                } else if (existing.computeIfAbsent(client.get().id(), id -> measuredDays(client.get(), formKey)).contains(on.get())) {
                    outcome = ImportLine.Outcome.ALREADY_THERE;
                }
            }
            if (!problems.isEmpty()) {
                outcome = ImportLine.Outcome.REFUSED;
            }
            lines.add(new ImportLine(lineNumber, client.map(ClientSummary::id), on, author, answers, outcome, problems));
        }
        progress.reached(lineCount, lineCount);
        if (lines.isEmpty()) {
            return fileProblem(formKey, ImportProblem.of("empty"));
        }
        return new ImportReport(formKey, List.of(), lines, 0);
    }

    private static ImportReport fileProblem(String formKey, ImportProblem problem) {
        return new ImportReport(formKey, List.of(problem), List.of(), 0);
    }

    /** The days the client already has a measurement with the form on. */
    private Set<LocalDate> measuredDays(ClientSummary client, String formKey) {
        Set<LocalDate> days = new HashSet<>();
        for (Measurement m : evaluations.measurements(client, formKey)) {
            days.add(LocalDate.ofInstant(m.measuredAt(), ZoneOffset.UTC));
        }
        return days;
    }

    /** A client the user may see, by national register number (any punctuation) or client id. */
    private Optional<ClientSummary> client(String text) {
        String digits = text.replaceAll("[.\\-\\s]", "");
        if (!digits.matches("[0-9]{1,11}")) {
            return Optional.empty();
        }
        if (digits.length() == 11) {
            return clients.visibleClients(ClientFilter.text(digits)).stream()
                    .filter(c -> digits.equals(c.nationalRegisterNumber())).findFirst();
        }
        try {
            return Optional.of(clients.requireWritable(Long.parseLong(digits))); // an import writes: the team rule alone
        } catch (ClientNotFoundException | org.parcours.clients.ReadOnlyAccessException e) {
            return Optional.empty();
        }
    }

    /** An ISO day (2011-09-01) or a Belgian one (1/09/2011). */
    private static Optional<LocalDate> date(String text) {
        for (DateTimeFormatter format : List.of(DateTimeFormatter.ISO_LOCAL_DATE, DAY_MONTH_YEAR)) {
            try {
                return Optional.of(LocalDate.parse(text.strip(), format));
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }
}
