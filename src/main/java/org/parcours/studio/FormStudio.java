package org.parcours.studio;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.catalog.VersionInfo;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.FormDefinitionException;
import org.parcours.formdef.FormProblem;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserContext;
import org.parcours.submissions.Submissions;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The form studio (docs/decisions/0011), for administrators only: open a form file as a draft, check it with
 * the engine, compare it with the live version, count the stored answers a change would leave
 * behind, and publish it back to the forms folder (the file is the source of truth).
 */
@Service
public class FormStudio {

    private final FormCatalog catalog;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Submissions submissions;

    FormStudio(FormCatalog catalog, CurrentUser currentUser, AuditLog audit, Submissions submissions) {
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.audit = audit;
        this.submissions = submissions;
    }

    /** A form file opened in the studio: its text and the hash of the file at that moment. */
    public record Draft(String formKey, String sourceName, String text, String fileHash) {
    }

    /** The engine's verdict on a draft: the definition when valid, else every problem. */
    public record Check(Optional<FormDefinition> form, List<FormProblem> problems) {

        public boolean valid() {
            return form.isPresent();
        }
    }

    public Draft open(String formKey) {
        requireAdmin(formKey);
        String text = catalog.fileText(formKey);
        return new Draft(formKey, catalog.sourceName(formKey), text, FormCatalog.hashOf(text));
    }

    public Check check(String formKey, String text) {
        requireAdmin(formKey);
        try {
            return new Check(Optional.of(catalog.check(formKey, text)), List.of());
        } catch (FormDefinitionException e) {
            return new Check(Optional.empty(), e.problems());
        }
    }

    /** The live version of the form, if any. */
    public Optional<PublishedForm> live(String formKey) {
        requireAdmin(formKey);
        return catalog.statuses().stream().filter(s -> s.formKey().equals(formKey)).findFirst().flatMap(s -> s.live());
    }

    public List<FormDiff.Change> diff(String formKey, FormDefinition draft) {
        return live(formKey).map(live -> FormDiff.between(live.definition(), draft)).orElse(List.of());
    }

    /**
     * For each change that may leave existing data behind, how many stored submissions of this
     * form (evaluations, aid requests or contracts; any version, any revision or text) hold an
     * answer it concerns: answers to a removed or retyped item, answers holding a removed option.
     * Items inside repeats are stored under "repeat.row.item".
     */
    public Map<FormDiff.Change, Integer> affectedAnswers(String formKey, List<FormDiff.Change> changes) {
        requireAdmin(formKey);
        Map<FormDiff.Change, Integer> counts = new LinkedHashMap<>();
        for (FormDiff.Change change : changes) {
            if (!change.affectsData()) {
                continue;
            }
            counts.put(change, submissions.countAnswering(formKey, change.itemId(),
                    change.kind() == FormDiff.Kind.OPTION_REMOVED ? Optional.of(change.detail()) : Optional.empty()));
        }
        return counts;
    }

    /**
     * Publishes a draft: the engine checks it, the file must be as it was when the draft was opened,
     * then the file is written and the folder reloaded; the new version records who and why.
     *
     * @throws org.parcours.catalog.StaleFileException when the file changed on disk since the draft was opened
     * @throws FormDefinitionException when the draft is invalid (nothing written, live version unchanged)
     */
    public PublishedForm publish(Draft draft, String text, String comment) {
        UserContext user = requireAdmin(draft.formKey());
        return catalog.publishFile(draft.formKey(), text, draft.fileHash(), user.username(), comment.strip());
    }

    /** How many stored submissions of this form (any version) hold an answer to an item, for the builder's delete. */
    public int storedAnswers(String formKey, String itemId) {
        requireAdmin(formKey);
        return submissions.countAnswering(formKey, itemId, Optional.empty());
    }

    /** The ids of the folder's shared scales ({@code "scales"}) or lists ({@code "lists"}), by file name. */
    public List<String> sharedIds(String formKey, String folder) {
        requireAdmin(formKey);
        return catalog.sharedFiles().stream().map(FormCatalog.SharedFileStatus::name)
                .filter(n -> n.startsWith(folder + "/") && n.endsWith(".yaml"))
                .map(n -> n.substring(folder.length() + 1, n.length() - ".yaml".length())).sorted().toList();
    }

    /** The published versions of a form, newest first. */
    public List<VersionInfo> history(String formKey) {
        requireAdmin(formKey);
        return catalog.history(formKey);
    }

    /** The form file's text of an earlier version, to be republished as a rollback. */
    public String versionText(String formKey, long versionId) {
        requireAdmin(formKey);
        if (catalog.history(formKey).stream().noneMatch(v -> v.versionId() == versionId)) {
            throw new org.parcours.catalog.FormNotFoundException("No version " + versionId + " of form '" + formKey + "'");
        }
        return catalog.formText(versionId);
    }

    private UserContext requireAdmin(String formKey) {
        UserContext user = currentUser.require();
        if (!user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), "form", formKey, "form studio is for administrators");
            throw new AccessDeniedException("The form studio is for administrators");
        }
        return user;
    }
}
