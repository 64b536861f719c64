package org.parcours.aid;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parcours.catalog.PublishedForm;
import org.parcours.clients.ClientSummary;

/** An aid request as shown: the form version and answers, its schemes with their decisions, the derived status. */
public record AidRequestDetails(long id, ClientSummary client, PublishedForm form, Map<String, String> answers, boolean editable,
                                long lockVersion, RequestStatus status, Optional<Instant> submittedAt, Optional<String> submittedBy,
                                String createdBy, List<SchemeView> schemes) {

    public AidRequestDetails {
        answers = Map.copyOf(answers);
        schemes = List.copyOf(schemes);
    }
}
