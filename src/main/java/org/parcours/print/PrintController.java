package org.parcours.print;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.parcours.catalog.FormCatalog;
import org.parcours.catalog.FormNotFoundException;
import org.parcours.evaluations.EvaluationDetails;
import org.parcours.evaluations.EvaluationNotFoundException;
import org.parcours.evaluations.EvaluationService;
import org.parcours.formdef.LocalizedText;
import org.parcours.security.CurrentUser;
import org.parcours.security.Role;
import org.parcours.security.UserContext;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * PDF downloads for social workers and administrators. Evaluations are read through
 * {@link EvaluationService}, so team scoping and the audit trail apply.
 */
@RestController
@RequestMapping("/print")
class PrintController {

    /** The cookie in which the UI remembers the chosen language (see ui.LanguageSettings). */
    static final String LANGUAGE_COOKIE = "parcours-lang";

    private final EvaluationService evaluations;
    private final FormCatalog catalog;
    private final CurrentUser currentUser;
    private final EvaluationPdf pdf;

    PrintController(EvaluationService evaluations, FormCatalog catalog, CurrentUser currentUser, EvaluationPdf pdf) {
        this.evaluations = evaluations;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.pdf = pdf;
    }

    @GetMapping("/evaluations/{id}.pdf")
    ResponseEntity<byte[]> evaluation(@PathVariable("id") long id, @RequestParam(name = "revision", required = false) Integer revision,
                                      @RequestParam(name = "lang", required = false) String lang,
                                      @CookieValue(name = LANGUAGE_COOKIE, required = false) String cookieLang) {
        UserContext user = requirePrinter();
        EvaluationDetails details = revision == null ? evaluations.open(id) : evaluations.openRevision(id, revision);
        byte[] bytes = pdf.evaluation(details, locale(lang, cookieLang), roleNames(user));
        String name = "evaluation-" + id + (revision == null ? "" : "-r" + revision) + "-"
                + safe(details.client().lastName()) + ".pdf";
        return pdf(bytes, name);
    }

    @GetMapping("/forms/{formKey}/blank.pdf")
    ResponseEntity<byte[]> blank(@PathVariable("formKey") String formKey, @RequestParam(name = "lang", required = false) String lang,
                                 @CookieValue(name = LANGUAGE_COOKIE, required = false) String cookieLang) {
        UserContext user = requirePrinter();
        if (lang != null && !LocalizedText.LANGUAGES.contains(lang)) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("lang must be fr, nl or en".getBytes());
        }
        var form = catalog.current(formKey);
        byte[] bytes = pdf.blank(form, locale(lang, cookieLang), roleNames(user));
        return pdf(bytes, safe(form.formKey()) + "-v" + form.versionNumber() + "-blank.pdf");
    }

    @ExceptionHandler({EvaluationNotFoundException.class, FormNotFoundException.class})
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("Not found");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> denied() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("Access denied");
    }

    /** Only social workers and administrators print; anyone else (or nobody signed in) is refused. */
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

    private static Locale locale(String lang, String cookieLang) {
        return EvaluationPdf.printLocale(lang != null ? lang : cookieLang == null ? "fr" : cookieLang);
    }

    private static ResponseEntity<byte[]> pdf(byte[] bytes, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(bytes);
    }

    /** ASCII letters, digits and dashes only: no quotes, slashes or header tricks in the file name. */
    static String safe(String text) {
        String ascii = java.text.Normalizer.normalize(text == null ? "" : text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
        String cleaned = ascii.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-+|-+$", "").toLowerCase(Locale.ROOT);
        if (cleaned.length() > 40) {
            cleaned = cleaned.substring(0, 40);
        }
        return cleaned.isEmpty() ? "x" : cleaned;
    }
}
