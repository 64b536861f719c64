package org.parcours.worklist;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parcours.catalog.FormCatalog;
import org.parcours.clients.ClientService;
import org.parcours.clients.ClientStatus;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.EvaluationService;
import org.parcours.evaluations.EvaluationStatus;
import org.parcours.evaluations.EvaluationSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the signed-in user's worklist from their visible clients and the policy file. */
@Service
public class WorklistService {

    private final ClientService clients;
    private final EvaluationService evaluations;
    private final FormCatalog catalog;
    private final Clock clock;

    WorklistService(ClientService clients, EvaluationService evaluations, FormCatalog catalog, Clock clock) {
        this.clients = clients;
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Worklist forCurrentUser() {
        List<ClientSummary> visible = clients.visibleClients();
        List<Long> ids = visible.stream().map(ClientSummary::id).toList();
        String form = catalog.policy().text("imasp.form").orElseThrow(() -> new IllegalStateException("policy imasp.form missing"));
        Map<Long, LocalDate> lastSubmitted = evaluations.lastSubmittedDates(ids, form);
        List<WorklistRules.ClientFacts> facts = visible.stream().map(c -> new WorklistRules.ClientFacts(c.id(), c.fullName(),
                Optional.ofNullable(c.followUpStart()), Optional.ofNullable(lastSubmitted.get(c.id())),
                c.status() == ClientStatus.SOCIAL_ACTIVATION_ONLY, Optional.ofNullable(c.statusSince()),
                c.status() == ClientStatus.CLOSED)).toList();
        LocalDate today = LocalDate.now(clock);
        List<WorklistRules.Due> due = new WorklistRules(catalog.policy()).due(facts, today);
        List<EvaluationSummary> inProgress = evaluations.inProgress(ids);
        long overdue = due.stream().filter(WorklistRules.Due::overdue).count();
        return new Worklist(due, inProgress, overdue, due.size() - overdue,
                inProgress.stream().filter(e -> e.status() == EvaluationStatus.DRAFT).count(),
                inProgress.stream().filter(e -> e.status() == EvaluationStatus.AMENDING).count(), visible.size());
    }
}
