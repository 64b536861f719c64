package org.parcours.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.catalog.VersionInfo;
import org.parcours.formdef.FormDefinition;
import org.parcours.formdef.Policy;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The studio for the shared files of the forms folder – option lists, scales and policy.yaml –
 * for administrators: the same draft, check, diff, publish and rollback as for a form file. A
 * shared file has no version of its own for answers: the forms using it get new versions.
 */
@Service
public class SharedFileStudio {

    private final FormCatalog catalog;
    private final FormStudio forms;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    SharedFileStudio(FormCatalog catalog, FormStudio forms, CurrentUser currentUser, AuditLog audit) {
        this.catalog = catalog;
        this.forms = forms;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** A shared file opened in the studio: its text and the hash of the file at that moment. */
    public record Draft(String name, String text, String fileHash) {

        public boolean policy() {
            return name.equals("policy.yaml");
        }

        public boolean scale() {
            return name.startsWith("scales/");
        }
    }

    /**
     * The engine's verdict: problems (of the file, or caused in forms), and for each form whose
     * items change with this draft, the changes against its live version.
     */
    public record Check(List<org.parcours.formdef.FormProblem> problems, Map<String, List<FormDiff.Change>> formChanges,
                        Map<FormDiff.Change, Integer> affected) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public List<FormCatalog.SharedFileStatus> files() {
        requireAdmin("-");
        return catalog.sharedFiles();
    }

    public Draft open(String name) {
        requireAdmin(name);
        String text = catalog.sharedFileText(name);
        return new Draft(name, text, FormCatalog.hashOf(text));
    }

    public Check check(String name, String text) {
        requireAdmin(name);
        FormCatalog.SharedCheck check = catalog.checkShared(name, text);
        Map<String, List<FormDiff.Change>> changes = new LinkedHashMap<>();
        Map<FormDiff.Change, Integer> affected = new LinkedHashMap<>();
        if (check.problems().isEmpty()) {
            for (Map.Entry<String, FormDefinition> form : check.forms().entrySet()) {
                List<FormDiff.Change> diff = forms.live(form.getKey()).map(PublishedForm::definition)
                        .map(live -> FormDiff.between(live, form.getValue())).orElse(List.of());
                if (!diff.isEmpty()) {
                    changes.put(form.getKey(), diff);
                    affected.putAll(forms.affectedAnswers(form.getKey(), diff));
                }
            }
        }
        return new Check(check.problems(), changes, affected);
    }

    /** The policy values by dotted path, as the engine reads them (empty when the text is invalid). */
    public Map<String, String> policyValues(String text) {
        requireAdmin("policy.yaml");
        try {
            return new java.util.TreeMap<>(new org.parcours.formdef.FormReader().read(
                    List.of(new org.parcours.formdef.FormSource("policy.yaml", text))).policy().map(Policy::values).orElse(Map.of()));
        } catch (org.parcours.formdef.FormDefinitionException e) {
            return Map.of();
        }
    }

    /**
     * Publishes a draft of a shared file.
     *
     * @throws org.parcours.catalog.StaleFileException when the file changed on disk since the draft was opened
     * @throws org.parcours.formdef.FormDefinitionException when the draft is invalid or breaks a form
     */
    public void publish(Draft draft, String text, String comment) {
        UserContext user = requireAdmin(draft.name());
        catalog.publishSharedFile(draft.name(), text, draft.fileHash(), user.username(), comment.strip());
    }

    public List<VersionInfo> history(String name) {
        requireAdmin(name);
        return catalog.sharedHistory(name);
    }

    public String versionText(String name, long versionId) {
        requireAdmin(name);
        return catalog.sharedVersionText(name, versionId);
    }

    /** The forms whose live version uses the file (lists and scales are bundled into them). */
    public List<String> formsUsing(String name) {
        requireAdmin(name);
        List<String> using = new ArrayList<>();
        for (var status : catalog.statuses()) {
            status.live().ifPresent(live -> {
                if (catalog.bundles(live.versionId(), name)) {
                    using.add(status.formKey());
                }
            });
        }
        return using;
    }

    private UserContext requireAdmin(String name) {
        UserContext user = currentUser.require();
        if (!user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), "form-file", name, "the form studio is for administrators");
            throw new AccessDeniedException("The form studio is for administrators");
        }
        return user;
    }
}
