package org.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.catalina.Context;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.parcours.testsupport.MutableClock;
import org.parcours.testsupport.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The app over real HTTP (embedded Tomcat on a random port, java.net.http client): security
 * headers, session cookie flags and timeout, and the sign-in throttle with time moved forward
 * by an injected clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SecurityHttpTests.Clocks.class)
@DirtiesContext
class SecurityHttpTests {

    /**
     * Vaadin installs its security-context strategy (one ThreadLocal per application context) as
     * Spring Security's global one when a context starts; this class's own context would otherwise
     * leave it in place for the tests that run afterwards in the shared context, which would then
     * find nobody signed in. Captured when the class loads, before its context exists.
     */
    private static final SecurityContextHolderStrategy STRATEGY_BEFORE = SecurityContextHolder.getContextHolderStrategy();

    @AfterAll
    static void restoreTheSecurityContextStrategy() {
        SecurityContextHolder.setContextHolderStrategy(STRATEGY_BEFORE);
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    UserAccounts accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    WebServerApplicationContext context;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the login form as the browser does; returns where the app sends the browser next. */
    private String signIn(String username, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("sign-in answers with a redirect").isEqualTo(302);
        URI next = URI.create(response.headers().firstValue("Location").orElseThrow());
        return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
    }

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/login", "/clients", "/print/evaluations/1.pdf", "/no-such-page")) {
            HttpResponse<String> response = get(path);
            var headers = response.headers();
            String csp = headers.firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'",
                    "script-src 'self' 'unsafe-inline' 'unsafe-eval'", "style-src 'self' 'unsafe-inline'");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(headers.firstValue("Permissions-Policy").orElse("")).as(path).contains("camera=()", "geolocation=()");
        }
    }

    /** A client signed in as {@code username} (keeps its session cookie). */
    private HttpClient signedIn(String username) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<Void> login = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=" + TestUsers.PASSWORD))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error", "locked");
        return browser;
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void badIdsAndMalformedAddressesGetAPlainPageWithoutExceptionsStackTracesOrSql() throws Exception {
        HttpClient browser = signedIn(TestUsers.ADMIN);
        Map<String, Integer> cases = new LinkedHashMap<>();
        cases.put("/print/evaluations/999999.pdf", 404);
        cases.put("/print/meetings/999999.pdf", 404);
        cases.put("/print/evaluations/abc.pdf", 400);
        cases.put("/print/evaluations/99999999999999999999999.pdf", 400);
        cases.put("/print/evaluations/1.pdf?revision=x", 400);
        cases.put("/print/meetings/1.pdf?lang=xx", 400);
        cases.put("/print/forms/%3Cscript%3Ealert(1)%3C%2Fscript%3E/blank.pdf", 400);
        cases.put("/print/forms/%3Cimg%20src=x%20onerror=alert(1)%3E/blank.pdf", 404);
        for (var entry : cases.entrySet()) {
            HttpResponse<String> response = get(browser, entry.getKey());
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(entry.getValue());
            assertThat(response.body()).as(entry.getKey())
                    .doesNotContainIgnoringCase("exception").doesNotContain("at org.", "at java.", "SQL", "<script>")
                    .doesNotContain("Whitelabel", "trace");
        }
        HttpResponse<String> malformed = get(browser, "/print/evaluations/abc.pdf");
        assertThat(malformed.body()).contains("Cette adresse n'est pas valable").containsPattern("Reference: [A-Z2-9]{4}-[A-Z2-9]{4}");
    }

    @Test
    void aSignedInPageCarriesThemToo() throws Exception {
        HttpResponse<String> page = get(signedIn(TestUsers.ADMIN), "/admin/audit");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndSessionsEndAfterThirtyIdleMinutes() throws Exception {
        HttpResponse<String> login = get("/login");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie on the login page"));
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

        Context webapp = (Context) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        assertThat(webapp.getSessionTimeout()).as("minutes").isEqualTo(30);
    }

    @Test
    void repeatedFailuresLockTheNameEvenForTheRightPasswordUntilTheLockoutEnds() throws Exception {
        String name = "throttled-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
        String password = "right-Password-9";
        accounts.create(name, password, "Throttled user", Set.of(Role.WORKER), Set.of());

        for (int i = 0; i < 5; i++) {
            assertThat(signIn(name, "wrong-" + i)).as("failure " + (i + 1)).isEqualTo("/login?error");
        }

        assertThat(signIn(name, password)).as("the right password during the lockout").isEqualTo("/login?locked=15");
        assertThat(signIn(name.toUpperCase(), password)).isEqualTo("/login?locked=15");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = 'LOGIN_LOCKED'",
                Long.class, name)).isEqualTo(1);
        assertThat(signIn("worker", "wrong-once")).as("other names are not locked").isEqualTo("/login?error");

        clock.advance(Duration.ofMinutes(14));
        assertThat(signIn(name, password)).isEqualTo("/login?locked=1");

        clock.advance(Duration.ofMinutes(1));
        assertThat(signIn(name, password)).as("after the lockout the right password signs in").isEqualTo("/");
    }

    @Test
    void theLoginPageExplainsALockout() throws Exception {
        // the page itself is rendered by Vaadin in the browser; here: it answers and is not an error
        assertThat(get("/login?locked=3").statusCode()).isEqualTo(200);
    }
}
