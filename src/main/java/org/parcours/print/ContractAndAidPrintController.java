package org.parcours.print;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.parcours.clients.ClientNotFoundException;
import org.parcours.contracts.ContractNotFoundException;
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
 * PDF downloads of MASP contracts ({@code /print/contracts/{id}.pdf[?version=N][&lang=..]}) and
 * CASU aid requests ({@code /print/aid-requests/{id}.pdf[?lang=..]}); same rules as {@link PrintController}.
 */
@RestController
@RequestMapping("/print")
class ContractAndAidPrintController {

    private final ContractAndAidPrintouts printouts;

    ContractAndAidPrintController(ContractAndAidPrintouts printouts) {
        this.printouts = printouts;
    }

    @GetMapping("/contracts/{id}.pdf")
    ResponseEntity<byte[]> contract(@PathVariable("id") long id, @RequestParam(name = "version", required = false) Integer version,
                                    @RequestParam(name = "lang", required = false) String lang,
                                    @CookieValue(name = PrintController.LANGUAGE_COOKIE, required = false) String cookieLang) {
        if (lang != null && !LocalizedText.LANGUAGES.contains(lang)) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .body("lang must be fr, nl or en".getBytes(StandardCharsets.UTF_8));
        }
        return pdf(printouts.contract(id, version, locale(lang, cookieLang)));
    }

    @GetMapping("/aid-requests/{id}.pdf")
    ResponseEntity<byte[]> aidRequest(@PathVariable("id") long id, @RequestParam(name = "lang", required = false) String lang,
                                      @CookieValue(name = PrintController.LANGUAGE_COOKIE, required = false) String cookieLang) {
        if (lang != null && !LocalizedText.LANGUAGES.contains(lang)) {
            return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .body("lang must be fr, nl or en".getBytes(StandardCharsets.UTF_8));
        }
        return pdf(printouts.aidRequest(id, locale(lang, cookieLang)));
    }

    @ExceptionHandler({ContractNotFoundException.class, ClientNotFoundException.class, org.parcours.aid.AidRequestNotFoundException.class})
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("Not found");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<String> denied() {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.TEXT_PLAIN).body("Access denied");
    }

    static Locale locale(String lang, String cookieLang) {
        return EvaluationPdf.printLocale(lang != null ? lang : cookieLang == null ? "fr" : cookieLang);
    }

    static ResponseEntity<byte[]> pdf(Printout printout) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(printout.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(printout.bytes());
    }
}
