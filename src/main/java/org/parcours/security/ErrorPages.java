package org.parcours.security;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * The page for HTTP errors outside Vaadin's views (e.g. a malformed /print address), replacing
 * Spring Boot's: the status and a generic text in the three languages, plus a reference that the
 * log line (with the stack trace, for server errors) also carries. Never the exception, its
 * message, a stack trace or SQL.
 */
@Controller
class ErrorPages implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final ErrorAttributes errors;

    ErrorPages(ErrorAttributes errors) {
        this.errors = errors;
    }

    @RequestMapping("/error")
    ResponseEntity<String> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        String reference = ErrorReference.next();
        Throwable error = errors.getError(new ServletWebRequest(request));
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (error != null && ClientDisconnects.isDisconnect(error)) {
            log.debug("Client went away during {}: {}", path, ClientDisconnects.describe(error));
        } else if (status.is5xxServerError()) {
            log.error("HTTP {} for {}, reference {}", status.value(), path, reference, error);
        } else {
            log.info("HTTP {} for {}, reference {}{}", status.value(), path, reference,
                    error == null ? "" : " (" + error.getClass().getSimpleName() + ")");
        }
        String text = switch (status.series()) {
            case CLIENT_ERROR -> status == HttpStatus.NOT_FOUND || status == HttpStatus.FORBIDDEN
                    ? "Cette page n'existe pas ou vous n'y avez pas accès. / Deze pagina bestaat niet of u hebt er geen toegang toe. / This page does not exist or you may not open it."
                    : "Cette adresse n'est pas valable. / Dit adres is niet geldig. / This address is not valid.";
            default -> "Une erreur inattendue s'est produite. / Er ging iets onverwachts mis. / Something unexpected went wrong.";
        };
        String html = """
                <!DOCTYPE html>
                <html lang="fr"><head><meta charset="utf-8"><title>Parcours – %d</title></head>
                <body style="font-family: sans-serif; margin: 2em">
                <h1>%d</h1>
                <p id="error-text">%s</p>
                <p id="error-reference">Référence / Referentie / Reference: %s</p>
                <p><a href="/">Parcours</a></p>
                </body></html>
                """.formatted(status.value(), status.value(), text, reference);
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(html);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
