package org.parcours.contracts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientSummary;
import org.parcours.formdef.BindingRole;
import org.parcours.formrun.FormSession;

/**
 * A contract as shown: one of its texts ({@code versionNumber}, the latest unless asked) with its
 * answers, the history of texts, the lifecycle and the renewal chain's total against the cap.
 */
public record ContractDetails(ContractSummary contract, ClientSummary client, PublishedForm form, int versionNumber,
                              Map<String, String> answers, boolean editable, long lockVersion, List<VersionSummary> versions,
                              Optional<LocalDate> evaluatedOn, Optional<String> evaluatedBy, Optional<String> evaluationText,
                              Map<Integer, ObjectiveResult> objectiveResults, Optional<LocalDate> endedOn,
                              Optional<EndOutcome> endOutcome, Optional<String> endNote, Optional<LocalDate> notifiedOn,
                              Optional<LocalDate> contestDeadline, int earlierMonths, int totalMaxMonths, int minMonths,
                              int maxMonths) {

    public ContractDetails {
        answers = Map.copyOf(answers);
        versions = List.copyOf(versions);
        objectiveResults = Map.copyOf(objectiveResults);
    }

    public long id() {
        return contract.id();
    }

    /** The number of objective rows in the shown text. */
    public int objectiveCount() {
        return form.definition().rows(BindingRole.CONTRACT_OBJECTIVES, answers);
    }

    /** The text of objective {@code number} (1-based), "" when unanswered. */
    public String objective(int number) {
        return form.definition().answer(BindingRole.CONTRACT_OBJECTIVE, number, answers).orElse("");
    }

    /** The evaluation criteria of objective {@code number} (1-based), "" when unanswered or not bound. */
    public String objectiveCriteria(int number) {
        return form.definition().answer(BindingRole.CONTRACT_OBJECTIVE_CRITERIA, number, answers).orElse("");
    }

    /**
     * Whether the shown text names a delegate managing the benefits (who then signs too): the
     * delegate's item is shown (the form's rule, e.g. level 2) and answered.
     */
    public boolean hasDelegate(LocalDate today) {
        return form.definition().path(BindingRole.CONTRACT_DELEGATE)
                .map(path -> FormSession.resume(form.definition(), answers, today).state(path))
                .filter(state -> state.visible() && !state.value().isBlank()).isPresent();
    }

    public Optional<VersionSummary> shownVersion() {
        return versions.stream().filter(v -> v.number() == versionNumber).findFirst();
    }

    public boolean latestShown() {
        return versions.isEmpty() || versions.getLast().number() == versionNumber;
    }
}
