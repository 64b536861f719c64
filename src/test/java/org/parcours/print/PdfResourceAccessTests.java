package org.parcours.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PDF renderer loads nothing from outside the document: images, style sheets, CSS imports and
 * backgrounds given as {@code http:} or {@code file:} URLs are not fetched (a loopback server
 * counts the requests it receives; a local file that would be embedded is not), while a
 * {@code data:} image still is.
 */
class PdfResourceAccessTests {

    /** A 1x1 PNG. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestURI().toString());
            byte[] body = java.util.Base64.getDecoder().decode(PNG);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String page(String head, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <html xmlns="http://www.w3.org/1999/xhtml"><head>%s</head><body><p>Texte</p>%s</body></html>
                """.formatted(head, body).strip();
    }

    @Test
    void remoteImagesStyleSheetsAndBackgroundsAreNotFetched() {
        String xhtml = page("""
                <link rel="stylesheet" href="%1$s/sheet.css"/>
                <style>@import url("%1$s/imported.css"); p { background-image: url("%1$s/background.png"); }</style>
                """.formatted(base()), """
                <img src="%1$s/image.png"/><img src="https://127.0.0.1:%2$d/secure.png"/>
                <object data="%1$s/object.pdf"/>
                """.formatted(base(), server.getAddress().getPort()));

        byte[] pdf = EvaluationPdf.render(xhtml, EvaluationPdf.availableFonts());

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(requests).as("requests received by the loopback server").isEmpty();
    }

    @Test
    void localFilesAreNotReadIntoThePdfButDataImagesAre() throws Exception {
        Path image = Files.createTempFile("pdf-resource-", ".png");
        try {
            Files.write(image, java.util.Base64.getDecoder().decode(PNG));
            byte[] withFile = EvaluationPdf.render(page("", "<img src=\"" + image.toUri() + "\"/><img src=\"file:///etc/passwd\"/>"),
                    EvaluationPdf.availableFonts());
            byte[] withData = EvaluationPdf.render(page("", "<img src=\"data:image/png;base64," + PNG + "\"/>"),
                    EvaluationPdf.availableFonts());
            assertThat(images(withFile)).as("images embedded from file: URLs").isZero();
            assertThat(images(withData)).as("a data: image is embedded").isEqualTo(1);
        } finally {
            Files.delete(image);
        }
    }

    private static int images(byte[] pdf) throws Exception {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            int count = 0;
            for (var page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().isImageXObject(name)) {
                        count++;
                    }
                }
            }
            return count;
        }
    }
}
