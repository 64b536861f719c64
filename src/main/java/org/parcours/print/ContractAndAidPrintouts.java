package org.parcours.print;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.parcours.aid.AidRequestDetails;
import org.parcours.aid.AidService;
import org.parcours.aid.SchemeView;
import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.catalog.FormCatalog;
import org.parcours.contracts.ContractDetails;
import org.parcours.contracts.ContractService;
import org.parcours.contracts.ContractStatus;
import org.parcours.contracts.VersionSummary;
import org.parcours.print.Printouts.Printout;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * PDFs of MASP contracts (the contract and each avenant, ready to sign) and of CASU aid requests
 * (for partners). Access goes through the feature services (team scoping, audited reads); each
 * print is audited as such.
 */
@Service
public class ContractAndAidPrintouts {

    private final ContractService contracts;
    private final AidService aid;
    private final EvaluationPdf pdf;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final I18NProvider i18n;
    private final FormCatalog catalog;

    ContractAndAidPrintouts(ContractService contracts, AidService aid, EvaluationPdf pdf, CurrentUser currentUser, AuditLog audit,
                            I18NProvider i18n, FormCatalog catalog) {
        this.catalog = catalog;
        this.contracts = contracts;
        this.aid = aid;
        this.pdf = pdf;
        this.currentUser = currentUser;
        this.audit = audit;
        this.i18n = i18n;
    }

    /** The contract's text {@code version} (the latest when null): the contract itself or an avenant, with signature boxes. */
    @Transactional
    public Printout contract(long contractId, Integer version, Locale locale) {
        UserContext user = requirePrinter();
        ContractDetails d = contracts.open(contractId, Optional.ofNullable(version));
        VersionSummary shown = d.shownVersion().orElseThrow();
        DateTimeFormatter dates = EvaluationPdf.translatedFormat(i18n, locale, "print.format.date", "dd/MM/yyyy");
        String title = d.form().definition().title().in(locale);
        String heading = shown.avenant() ? t(locale, "print.contract.avenantTitle", shown.number() - 1, title) : title;
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(t(locale, "print.client"), d.client().fullName());
        meta.put(t(locale, "print.birthDate"), d.client().birthDate() == null ? "" : dates.format(d.client().birthDate()));
        meta.put(t(locale, "print.contract.number"), String.valueOf(d.id()));
        meta.put(t(locale, "print.contract.text"), shown.avenant() ? t(locale, "contract.avenant", shown.number() - 1)
                : t(locale, "contract.initial"));
        meta.put(t(locale, "print.team"), d.client().teamName());
        meta.put(t(locale, "print.contract.signedOn"), shown.signedOn().map(dates::format).orElse(t(locale, "print.contract.notSigned")));
        d.contract().previousContractId().ifPresent(p -> meta.put(t(locale, "print.contract.renews"), String.valueOf(p)));
        meta.put(t(locale, "print.formVersion"), String.valueOf(d.form().versionNumber()));
        Optional<String> banner = shown.signed() ? Optional.empty() : Optional.of(t(locale, "print.contract.toSign"));
        List<String> paragraphs = new ArrayList<>();
        shown.reason().ifPresent(r -> paragraphs.add(t(locale, "contract.avenant.reason", shown.number() - 1, r)));
        paragraphs.add(t(locale, "print.contract.contest", d.totalMaxMonths()));
        List<String> signatures = new ArrayList<>(List.of(t(locale, "print.contract.signPerson"), t(locale, "print.contract.signService")));
        if (d.hasDelegate(pdf.today())) {
            signatures.add(t(locale, "print.contract.signDelegate"));
        }
        String footer = d.client().fullName() + " – " + heading;
        byte[] bytes = pdf.document(heading, footer, d.form().definition(), d.answers(), meta, banner, paragraphs, List.of(), signatures,
                locale, roleNames(user), catalog.hiddenFromAnyVersion(d.form().formKey(), roleNames(user)));
        audit.record(user.username(), AuditAction.CONTRACT_PRINTED, "masp_contract", contractId,
                "printed PDF of text " + shown.number() + " (" + locale.getLanguage() + ")"
                        + (d.contract().status() == ContractStatus.DRAFT ? ", draft" : ""));
        return new Printout(bytes, "masp-contract-" + contractId + "-t" + shown.number() + "-" + Printouts.fileNamePart(d.client().lastName())
                + ".pdf");
    }

    /** An aid request for the partners approached: the schemes with their decisions, then the filled form. */
    @Transactional
    public Printout aidRequest(long requestId, Locale locale) {
        UserContext user = requirePrinter();
        AidRequestDetails d = aid.open(requestId);
        DateTimeFormatter dates = EvaluationPdf.translatedFormat(i18n, locale, "print.format.date", "dd/MM/yyyy");
        String heading = d.form().definition().title().in(locale);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(t(locale, "print.client"), d.client().fullName());
        meta.put(t(locale, "print.birthDate"), d.client().birthDate() == null ? "" : dates.format(d.client().birthDate()));
        meta.put(t(locale, "print.team"), d.client().teamName());
        meta.put(t(locale, "print.author"), d.createdBy());
        meta.put(t(locale, "print.aid.status"), t(locale, "aid.status." + d.status().name()));
        meta.put(t(locale, "print.aid.submitted"), d.submittedAt().map(i -> dates.format(i.atZone(EvaluationPdf.ZONE))).orElse(""));
        meta.put(t(locale, "print.formVersion"), String.valueOf(d.form().versionNumber()));
        List<List<String>> rows = new ArrayList<>();
        for (SchemeView s : d.schemes()) {
            rows.add(List.of(s.label().in(locale) + s.detail().map(x -> " – " + x).orElse(""),
                    s.amountRequested().map(java.math.BigDecimal::toPlainString).orElse(""), t(locale, "aid.decision." + s.decision().name()),
                    s.amountGranted().map(java.math.BigDecimal::toPlainString).orElse(""), s.decider().orElse(""),
                    s.decidedOn().map(dates::format).orElse(""), s.motivation().orElse("")));
        }
        List<EvaluationPdf.Table> tables = rows.isEmpty() ? List.of() : List.of(new EvaluationPdf.Table(t(locale, "print.aid.schemes"),
                List.of(t(locale, "aid.col.scheme"), t(locale, "aid.col.requested"), t(locale, "aid.col.decision"), t(locale, "aid.col.granted"),
                        t(locale, "aid.col.decider"), t(locale, "aid.col.decidedOn"), t(locale, "aid.col.motivation")), rows));
        Optional<String> banner = d.editable() ? Optional.of(t(locale, "aid.status.DRAFT")) : Optional.empty();
        byte[] bytes = pdf.document(heading, d.client().fullName() + " – " + heading, d.form().definition(), d.answers(), meta, banner,
                List.of(), tables, List.of(t(locale, "print.aid.signWorker"), t(locale, "print.aid.signPerson")), locale, roleNames(user),
                catalog.hiddenFromAnyVersion(d.form().formKey(), roleNames(user)));
        audit.record(user.username(), AuditAction.AID_REQUEST_PRINTED, "aid_request", requestId, "printed PDF (" + locale.getLanguage() + ")");
        return new Printout(bytes, "casu-" + requestId + "-" + Printouts.fileNamePart(d.client().lastName()) + ".pdf");
    }

    private String t(Locale locale, String key, Object... params) {
        return i18n.getTranslation(key, locale, params);
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
}
