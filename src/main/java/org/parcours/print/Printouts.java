package org.parcours.print;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.FormNotFoundException;
import org.parcours.catalog.PublishedForm;
import org.parcours.committee.HistoryService;
import org.parcours.committee.MeetingService;
import org.parcours.committee.MeetingService.AgendaEntry;
import org.parcours.committee.MeetingService.MeetingDetails;
import org.parcours.committee.history.ScoreHistory;
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
    private final MeetingService meetings;
    private final HistoryService histories;
    private final MeetingPackPdf packPdf;

    Printouts(EvaluationService evaluations, FormCatalog catalog, CurrentUser currentUser, AuditLog audit, EvaluationPdf pdf,
              MeetingService meetings, HistoryService histories, MeetingPackPdf packPdf) {
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.audit = audit;
        this.pdf = pdf;
        this.meetings = meetings;
        this.histories = histories;
        this.packPdf = packPdf;
    }

    /**
     * The pack of a committee meeting: agenda, then per item the proposal, flags and score history.
     * Read through {@link MeetingService#meeting(long)} (committee members and administrators only,
     * a refusal audited there); the clients' histories through the meeting's agenda
     * ({@link MeetingService#agendaHistories}, docs/decisions/0016: every client the agenda holds,
     * audited once on the meeting). The print is audited.
     *
     * @throws AccessDeniedException                        neither committee member nor administrator
     * @throws org.parcours.committee.CommitteeException no such meeting
     */
    @Transactional
    public Printout meeting(long meetingId, Locale locale) {
        UserContext user = currentUser.require();
        MeetingDetails details = meetings.meeting(meetingId);
        String formKey = histories.defaultFormKey();
        // the histories are read through the meeting's agenda, as on its histories page (docs/decisions/0016)
        Map<Long, ScoreHistory> byClient = new HashMap<>();
        try {
            meetings.agendaHistories(meetingId, formKey).histories().forEach(h -> byClient.put(h.clientId(), h.history()));
        } catch (FormNotFoundException e) {
            // no version of the form and no measurement: the pack has no histories
        }
        List<MeetingPackPdf.ClientPage> pages = new ArrayList<>();
        for (AgendaEntry entry : details.agenda()) {
            pages.add(new MeetingPackPdf.ClientPage(entry, Optional.ofNullable(byClient.get(entry.clientId()))));
        }
        byte[] bytes = packPdf.pack(details, pages, locale);
        audit.record(user.username(), AuditAction.MEETING_PRINTED, "committee_meeting", meetingId,
                "printed meeting pack (" + details.agenda().size() + " items, " + locale.getLanguage() + ")");
        return new Printout(bytes, "committee-" + details.meeting().date() + "-" + meetingId + ".pdf");
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
        Set<String> roles = roleNames(user);
        // an item sensitive in any version of the form is left out of every version's printout
        byte[] bytes = pdf.evaluation(details, locale, roles, catalog.hiddenFromAnyVersion(details.form().formKey(), roles));
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
