package org.parcours.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The sign-in page links the favicon and names the product, and the logo (also the favicon) is served to a visitor who has not signed in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FaviconHttpTests {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLoginPageLinksTheFaviconAndTheIconsArePublic() throws Exception {
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).containsPattern("<link(?=[^>]*rel=\"icon\")(?=[^>]*href=\"icons/parcours\\.svg\")[^>]*>")
                .contains("<title>Parcours</title>");

        for (String icon : new String[] {"/" + AppShell.LOGO}) {
            HttpResponse<String> svg = get(icon);
            assertThat(svg.statusCode()).as(icon).isEqualTo(200);
            assertThat(svg.headers().firstValue("Content-Type")).as(icon).hasValueSatisfying(type -> assertThat(type).startsWith("image/svg+xml"));
            assertThat(svg.body()).as(icon).contains("<svg");
        }
    }
}
