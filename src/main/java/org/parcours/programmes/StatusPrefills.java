package org.parcours.programmes;

import java.util.HashMap;
import java.util.Map;

import org.parcours.catalog.FormCatalog;
import org.parcours.clients.ClientSummary;
import org.parcours.evaluations.StartingAnswers;
import org.parcours.formdef.programme.Programme;
import org.springframework.stereotype.Component;

/**
 * The status is the source of truth of an answer that records it ({@code prefill-from-status:}
 * in a programme, e.g. the IMASP's "SA only / SA and PA"): a new evaluation of the programme's
 * form starts with the option of the client's status.
 */
@Component
class StatusPrefills implements StartingAnswers {

    private final FormCatalog catalog;

    StatusPrefills(FormCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public Map<String, String> of(ClientSummary client, String formKey) {
        String status = ProgrammeService.status(client.status());
        Map<String, String> answers = new HashMap<>();
        for (Programme programme : catalog.programmes()) {
            if (programme.formKey().equals(formKey)) {
                programme.statusPrefill().ifPresent(p -> p.answerFor(status).ifPresent(code -> answers.put(p.itemId(), code)));
            }
        }
        return answers;
    }
}
