package org.parcours.print;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.parcours.catalog.FormNotFoundException;
import org.parcours.clients.ClientNotFoundException;
import org.parcours.committee.CommitteeException;
import org.parcours.evaluations.EvaluationNotFoundException;
import org.parcours.formdef.LocalizedText;
import org.parcours.print.Printouts.Printout;
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
 * PDF downloads: {@code /print/evaluations/{id}.pdf[?revision=N][&lang=fr|nl|en]} and
 * {@code /print/forms/{formKey}/blank.pdf[?lang=...]} and {@code /print/meetings/{id}.pdf[?lang=...]} (committee pack) and
 * {@code /print/clients/{id}/subject-access.pdf[?lang=...]}. The security filter chain lets only
 * signed-in users reach them; {@link Printouts} checks roles and team access.
 * Without {@code lang}, the language chosen in the UI (its cookie) is used, else French.
 */
@RestController
@RequestMapping("/print")
class PrintController {

    /** The cookie in which the UI remembers the chosen language (see ui.LanguageSettings). */
    static final String LANGUAGE_COOKIE = "parcours-lang";

    private final Printouts printouts;
    private final SubjectAccessPdf subjectAccess;

    PrintController(Printouts printouts, SubjectAccessPdf subjectAccess) {
        this.printouts = printouts;
        this.subjectAccess = subjectAccess;
    }

    /** The subject access document of a client (administrators; docs/privacy.md), beside the JSON of the privacy page. */
    @GetMapping("/clients/{id}/subject-access.pdf")
    ResponseEntity<byte[]> subjectAccess(@PathVariable("id") long id, @RequestParam(name = "lang", required = false) String lang,
                                         @CookieValue(name = LANGUAGE_COOKIE, required = false) String cookieLang) {
        if (lang != null && !LocalizedText.LANGUAGES.contains(lang)) {
            return badLanguage();
        }
        return pdf(subjectAccess.pdf(id, locale(lang, cookieLang)));
    }

    @GetMapping("/evaluations/{id}.pdf")
    ResponseEntity<byte[]> evaluation(@PathVariable("id") long id, @RequestParam(name = "revision", required = false) Integer revision,
                                      @RequestParam(name = "lang", required = false) String lang,
                                      @CookieValue(name = LANGUAGE_COOKIE, required = false) String cookieLang) {
        if (lang != null && !LocalizedText.LANGUAGES.contains(lang)) {
            return badLanguage();
        }
        return pdf(printouts.evaluation(id, revision, locale(lang, cookieLang)));
    }

    @GetMapping("/forms/{formKey}/blank.pdf")
    ResponseEntity<byte[]> blank(@PathVariable("formKey") String formKey, @RequestParam(name = "lang", required = false) String lang,
                                 @CookieValue(name = LANGUAGE_COOKIE, required = false) String cookieLang) {
        if (lang != null && !LocalizedText.LANGUAGES.contains(lang)) {
            return badLanguage();
        }
        return pdf(printouts.blank(formKey, locale(lang, cookieLang)));
    }

    @GetMapping("/meetings/{id}.pdf")
    ResponseEntity<byte[]> meeting(@PathVariable("id") long id, @RequestParam(name = "lang", required = false) String lang,
                                   @CookieValue(name = LANGUAGE_COOKIE, required = false) String cookieLang) {
        if (lang != null && !LocalizedText.LANGUAGES.contains(lang)) {
            return badLanguage();
        }
        return pdf(printouts.meeting(id, locale(lang, cookieLang)));
    }

    @ExceptionHandler({EvaluationNotFoundException.class, FormNotFoundException.class, CommitteeException.class, ClientNotFoundException.class})
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("Not found");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> denied() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("Access denied");
    }

    private static ResponseEntity<byte[]> badLanguage() {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                .body("lang must be fr, nl or en".getBytes(StandardCharsets.UTF_8));
    }

    private static Locale locale(String lang, String cookieLang) {
        return EvaluationPdf.printLocale(lang != null ? lang : cookieLang == null ? "fr" : cookieLang);
    }

    private static ResponseEntity<byte[]> pdf(Printout printout) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(printout.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(printout.bytes());
    }
}
