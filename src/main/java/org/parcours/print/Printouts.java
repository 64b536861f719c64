package org.parcours.print;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.PublishedForm;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationService;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PDF printouts a signed-in user may have, with their access checks: only social workers and
 * administrators print; an evaluation is read through {@link EvaluationService#open(long)} (team
 * scoping, "not found" for another team's, audit of the read) and each printed evaluation is
 * audited as such.
 */
@Service
public class Printouts {

    /** A produced PDF and the file name to offer for it. */
    public record Printout(byte[] bytes, String fileName) {
    }

    private final EvaluationService evaluations;
    private final FormCatalog catalog;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final EvaluationPdf pdf;

    Printouts(EvaluationService evaluations, FormCatalog catalog, CurrentUser currentUser, AuditLog audit, EvaluationPdf pdf) {
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.audit = audit;
        this.pdf = pdf;
    }

    /**
     * An evaluation as it stands, or one of its revisions.
     *
     * @throws org.parcours.evaluations.EvaluationNotFoundException unknown, another team's, or no such revision
     * @throws AccessDeniedException                                 the user neither a social worker nor an administrator
     */
    @Transactional
    public Printout evaluation(long evaluationId, Integer revision, Locale locale) {
        UserContext user = requirePrinter();
        EvaluationDetails details = revision == null ? evaluations.open(evaluationId) : evaluations.openRevision(evaluationId, revision);
        byte[] bytes = pdf.evaluation(details, locale, roleNames(user));
        audit.record(user.username(), AuditAction.EVALUATION_READ, "evaluation", evaluationId,
                "printed PDF (revision " + details.revisionNumber() + ", " + locale.getLanguage() + ")");
        String name = "evaluation-" + evaluationId + (revision == null ? "" : "-r" + revision) + "-"
                + fileNamePart(details.client().lastName()) + ".pdf";
        return new Printout(bytes, name);
    }

    /**
     * The current version of a form, blank. No client data in it, so nothing to audit.
     *
     * @throws org.parcours.catalog.FormNotFoundException no such form
     */
    @Transactional(readOnly = true)
    public Printout blank(String formKey, Locale locale) {
        UserContext user = requirePrinter();
        PublishedForm form = catalog.current(formKey);
        byte[] bytes = pdf.blank(form, locale, roleNames(user));
        return new Printout(bytes, fileNamePart(form.formKey()) + "-v" + form.versionNumber() + "-blank.pdf");
    }

    private UserContext requirePrinter() {
        UserContext user = currentUser.require();
        if (!user.has(Role.WORKER) && !user.has(Role.ADMIN)) {
            throw new AccessDeniedException("Printing is for social workers and administrators");
        }
        return user;
    }

    private static Set<String> roleNames(UserContext user) {
        return user.roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
    }

    /** ASCII letters, digits and dashes only: no quotes, slashes or header tricks in a file name. */
    static String fileNamePart(String text) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String cleaned = ascii.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "").toLowerCase(Locale.ROOT);
        if (cleaned.length() > 40) {
            cleaned = cleaned.substring(0, 40).replaceAll("-+$", "");
        }
        return cleaned.isEmpty() ? "x" : cleaned;
    }
}
