package org.parcours.contracts;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientSummary;

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
        String count = answers.get(ContractService.OBJECTIVES);
        return count == null ? 0 : Integer.parseInt(count);
    }

    public Optional<VersionSummary> shownVersion() {
        return versions.stream().filter(v -> v.number() == versionNumber).findFirst();
    }

    public boolean latestShown() {
        return versions.isEmpty() || versions.getLast().number() == versionNumber;
    }
}
