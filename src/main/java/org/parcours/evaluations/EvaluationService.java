package org.parcours.evaluations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientSummary;
import org.parcours.formdef.ComputedItem;
import org.parcours.formdef.NoteItem;
import org.parcours.formrun.FormSession;
import org.parcours.security.CurrentUser;
import org.parcours.security.UserContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluations of a client: started on the current published version of a form and kept on it;
 * answers checked against that version before anything is stored. Access follows the client.
 */
@Service
public class EvaluationService {

    static final String TARGET = "evaluation";

    private final EvaluationRepository evaluations;
    private final ClientService clients;
    private final FormCatalog catalog;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    EvaluationService(EvaluationRepository evaluations, ClientService clients, FormCatalog catalog,
                      CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.evaluations = evaluations;
        this.clients = clients;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** A blank evaluation on the current version of the form; nothing is stored until saved. */
    @Transactional(readOnly = true)
    public EvaluationDetails blank(long clientId, String formKey) {
        ClientSummary client = clients.requireVisible(clientId);
        PublishedForm form = catalog.current(formKey);
        return new EvaluationDetails(Optional.empty(), client, form, EvaluationStatus.DRAFT, Map.of(),
                Optional.empty(), Optional.empty(), 0);
    }

    @Transactional
    public EvaluationDetails open(long evaluationId) {
        UserContext user = currentUser.require();
        Evaluation evaluation = find(evaluationId);
        audit.record(user.username(), AuditAction.EVALUATION_READ, TARGET, evaluationId, "opened");
        return details(evaluation, clients.requireVisible(evaluation.getClientId()));
    }

    @Transactional(readOnly = true)
    public List<EvaluationSummary> ofClient(long clientId) {
        clients.requireVisible(clientId);
        return evaluations.findByClientIdOrderByCreatedAtDesc(clientId).stream()
                .map(e -> EvaluationSummary.of(e, catalog.version(e.getFormVersionId())))
                .toList();
    }

    /**
     * Stores a new evaluation (no id yet) or the answers of an existing draft. Empty answers are
     * not stored. Rejects answers the form version does not accept, and a save based on an
     * outdated copy ({@code lockVersion}).
     */
    @Transactional
    public EvaluationDetails save(EvaluationDetails edited, Map<String, String> answers) {
        UserContext user = currentUser.require();
        Map<String, String> cleaned = validate(edited.form(), answers);
        Evaluation evaluation;
        if (edited.id().isEmpty()) {
            ClientSummary client = clients.requireVisible(edited.client().id());
            evaluation = new Evaluation(client.id(), edited.form().versionId(), clock.instant(), user.username());
            evaluation.replaceAnswers(cleaned, clock.instant(), user.username());
            evaluation = evaluations.save(evaluation);
            audit.record(user.username(), AuditAction.EVALUATION_CREATED, TARGET, evaluation.getId(),
                    "form " + edited.form().formKey() + " v" + edited.form().versionNumber() + " for client " + client.id()
                            + ", " + cleaned.size() + " answers");
        } else {
            evaluation = find(edited.id().get());
            clients.requireVisible(evaluation.getClientId());
            if (evaluation.getVersion() != edited.lockVersion()) {
                throw new ConcurrentEditException(evaluation.getId());
            }
            Map<String, String> before = new HashMap<>(evaluation.getAnswers());
            evaluation.replaceAnswers(cleaned, clock.instant(), user.username());
            evaluations.saveAndFlush(evaluation);
            audit.record(user.username(), AuditAction.EVALUATION_SAVED, TARGET, evaluation.getId(), changes(before, cleaned));
        }
        evaluations.flush();
        return details(evaluation, clients.requireVisible(evaluation.getClientId()));
    }

    private Evaluation find(long evaluationId) {
        Evaluation evaluation = evaluations.findById(evaluationId)
                .orElseThrow(() -> new EvaluationNotFoundException(evaluationId));
        try {
            clients.requireVisible(evaluation.getClientId());
        } catch (ClientNotFoundException e) {
            throw new EvaluationNotFoundException(evaluationId);
        }
        return evaluation;
    }

    private EvaluationDetails details(Evaluation e, ClientSummary client) {
        return new EvaluationDetails(Optional.of(e.getId()), client, catalog.version(e.getFormVersionId()), e.getStatus(),
                e.getAnswers(), Optional.of(e.getCreatedBy()), Optional.of(e.getUpdatedAt()), e.getVersion());
    }

    /**
     * The answers to store: unknown paths and answers that do not fit their item are refused;
     * rules such as "required" are not checked for a draft.
     */
    private Map<String, String> validate(PublishedForm form, Map<String, String> answers) {
        Map<String, String> given = new LinkedHashMap<>();
        answers.forEach((path, value) -> {
            if (value != null && !value.isBlank()) {
                given.put(path, value);
            }
        });
        Map<String, String> problems = new LinkedHashMap<>();
        FormSession.unknownPaths(form.definition(), given).forEach(path ->
                problems.put(path, "unknown item for form " + form.formKey() + " v" + form.versionNumber()));
        FormSession session = FormSession.resume(form.definition(), given, LocalDate.now(clock));
        session.formatIssues().forEach(issue -> problems.putIfAbsent(issue.path(),
                "value not accepted (" + issue.kind().name().toLowerCase(java.util.Locale.ROOT) + "): " + abbreviate(given.get(issue.path()))));
        given.keySet().stream().filter(path -> form.definition().item(path).filter(i -> i instanceof ComputedItem || i instanceof NoteItem).isPresent())
                .forEach(path -> problems.putIfAbsent(path, "this item is not answered by people"));
        if (!problems.isEmpty()) {
            throw new InvalidAnswersException(problems);
        }
        return session.answersToStore();
    }

    private static String changes(Map<String, String> before, Map<String, String> after) {
        StringBuilder detail = new StringBuilder();
        before.forEach((k, v) -> {
            if (!v.equals(after.get(k))) {
                detail.append(k).append(": ").append(abbreviate(v)).append(" -> ").append(abbreviate(after.getOrDefault(k, ""))).append("; ");
            }
        });
        after.forEach((k, v) -> {
            if (!before.containsKey(k)) {
                detail.append(k).append(": -> ").append(abbreviate(v)).append("; ");
            }
        });
        return detail.isEmpty() ? "saved without changes" : detail.toString();
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
