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
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // as the cluster setup runs behind its balancer; no proxy is trusted here (parcours.security.trusted-proxies)
        properties = "server.forward-headers-strategy=native")
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
        return signIn("/login", username, password, null);
    }

    /** Posts the login form to {@code path}, optionally with an {@code X-Forwarded-For} header. */
    private String signIn(String path, String username, String password, String forwardedFor) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
        assertThat(get("/login").body()).as("Vaadin's login view, not Spring Security's generated page").doesNotContain("Please sign in");
    }

    private String newName(String base) {
        return base + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xffffff));
    }

    @Test
    void aPercentEncodedLoginPathIsCountedAndRefusedWhileLocked() throws Exception {
        String name = newName("encoded");
        String password = "right-Password-9";
        accounts.create(name, password, "Encoded path user", Set.of(Role.WORKER), Set.of());

        for (int i = 0; i < 5; i++) {
            assertThat(signIn("/%6cogin", name, "wrong-" + i, null)).as("failure " + (i + 1) + " at /%6cogin").isEqualTo("/login?error");
        }

        assertThat(signIn(name, password)).as("the failures at the encoded path were counted").isEqualTo("/login?locked=15");
        assertThat(signIn("/%6cogin", name, password, null)).as("and the encoded path is refused too").isEqualTo("/login?locked=15");
        assertThat(signIn("/%6C%6F%67%69%6E", name, password, null)).isEqualTo("/login?locked=15");
    }

    @Test
    void namesThatReachTheSameAccountShareOneCount() throws Exception {
        String name = newName("variant");
        String password = "right-Password-9";
        accounts.create(name, password, "Variant user", Set.of(Role.WORKER), Set.of());
        String fullWidth = name.chars().mapToObj(c -> c >= 'a' && c <= 'z' ? String.valueOf((char) (c - 'a' + 'ａ')) : String.valueOf((char) c))
                .collect(java.util.stream.Collectors.joining());

        assertThat(signIn(fullWidth.toUpperCase(java.util.Locale.ROOT), password)).as("NFKC: full-width letters are the same name")
                .isEqualTo("/");
        List<String> variants = List.of(name.toUpperCase(java.util.Locale.ROOT), " " + name + "\t", fullWidth,
                name.substring(0, 3) + "\u200b" + name.substring(3), name.replaceFirst("a", "\u00e1"));
        for (String variant : variants) {
            assertThat(signIn(variant, "wrong")).as(variant).isEqualTo("/login?error");
        }

        assertThat(signIn(name, password)).as("five failures under five spellings lock the account").isEqualTo("/login?locked=15");
        assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE action = 'LOGIN_LOCKED' AND actor LIKE 'v%'", String.class))
                .as("the lockout is recorded under the account's own name").contains(name)
                .noneMatch(a -> a.contains("\u00e1") && a.endsWith(name.substring(8)));
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedAddressIsIgnored() throws Exception {
        String name = newName("spoofer");
        for (int i = 0; i < 5; i++) {
            signIn("/login", name, "wrong-" + i, "203.0.113." + (10 + i));
        }

        List<String> addresses = jdbc.queryForList("SELECT target_id FROM audit_event WHERE actor = ? AND action = 'LOGIN_LOCKED'",
                String.class, name);
        assertThat(addresses).as("the lockout is recorded with the socket's address, not the one the client chose")
                .isNotEmpty().allMatch(a -> !a.startsWith("203.0.113.")).allMatch(a -> a.equals("127.0.0.1") || a.contains(":"));
    }

    @Test
    @org.springframework.security.test.context.support.WithUserDetails(TestUsers.ADMIN)
    void aDisabledUsersOpenSessionEndsAtItsNextRequest(@Autowired UserAdministration admin) throws Exception {
        String name = newName("disabled");
        accounts.create(name, TestUsers.PASSWORD, "Soon disabled", Set.of(Role.COMMITTEE), Set.of());
        HttpClient browser = signedIn(name);
        assertThat(get(browser, "/").statusCode()).as("signed in").isEqualTo(200);

        long id = admin.users().stream().filter(u -> u.username().equals(name)).findFirst().orElseThrow().id();
        admin.setEnabled(id, false);
        HttpResponse<String> next = get(browser, "/");

        assertThat(next.statusCode()).as("the next request after the account was disabled").isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElse("")).contains("/login?ended");
        assertThat(get(browser, "/").headers().firstValue("Location").orElse("")).as("and the session is gone").contains("/login");
    }

    @Test
    @org.springframework.security.test.context.support.WithUserDetails(TestUsers.ADMIN)
    void aDemotedAdministratorsOpenSessionEndsAtItsNextRequest(@Autowired UserAdministration admin) throws Exception {
        String name = newName("demoted");
        accounts.create(name, TestUsers.PASSWORD, "Soon demoted", Set.of(Role.ADMIN), Set.of());
        HttpClient browser = signedIn(name);
        assertThat(get(browser, "/admin/audit").statusCode()).as("an administrator's page").isEqualTo(200);

        long id = admin.users().stream().filter(u -> u.username().equals(name)).findFirst().orElseThrow().id();
        admin.change(id, "Demoted", Set.of(Role.COMMITTEE), Set.of());
        HttpResponse<String> next = get(browser, "/admin/audit");

        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElse("")).contains("/login?ended");
    }

    @Test
    @org.springframework.security.test.context.support.WithUserDetails(TestUsers.ADMIN)
    void aReadOnlyTokenReadsButIsRefusedOnWriteEndpoints(@Autowired ApiTokens tokens) throws Exception {
        long worker = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, TestUsers.WORKER_NORTH);
        var created = tokens.createFor(worker, newName("read-only"));
        jdbc.update("UPDATE api_token SET scope = 'READ' WHERE id = ?", created.summary().id());
        HttpRequest.Builder base = HttpRequest.newBuilder().header("Authorization", "Bearer " + created.token());

        HttpResponse<String> read = http.send(base.copy().uri(URI.create("http://localhost:" + port + "/api/clients")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> write = http.send(base.copy().uri(URI.create("http://localhost:" + port + "/api/evaluations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":1,\"formKey\":\"imasp\",\"answers\":{}}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(write.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(write.body()).contains("read-only");
    }
}
