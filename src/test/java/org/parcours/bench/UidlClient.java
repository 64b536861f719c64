package org.parcours.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser tab speaking Vaadin Flow's client protocol over plain HTTP, without a browser: sign in
 * through the login form (Spring Security's CSRF token from the page's meta tag), open a route
 * (bootstrap {@code ?v-r=init}, then the {@code ui-navigate} event as Flow's client sends it), and
 * send value changes and clicks as UIDL requests carrying the UI's security key, sync id and client
 * id read from the previous response. Used to hold open form sessions (P6); the Gatling simulation
 * (P5) sends the same messages.
 */
final class UidlClient {

    private static final Pattern CSRF_META = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(\\d+)");
    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\":(\\d+)");

    private final String base;
    private final HttpClient http;
    private int uiId;
    private String securityKey;
    private int syncId;
    private int clientId;
    private String lastResponse = "";

    UidlClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Signs in with the login form; true when Spring Security redirects away from the login page. */
    boolean signIn(String username, String password) throws IOException, InterruptedException {
        String page = get("/login").body();
        String csrf = group(CSRF_META, page, "the login page's CSRF token");
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 302 && !response.headers().firstValue("Location").orElse("").contains("error");
    }

    /** Opens a route in a new UI (as a new browser tab would); returns the navigation response. */
    String open(String route) throws IOException, InterruptedException {
        String init = get("/?v-r=init&location=" + enc(route) + "&query=").body();
        uiId = Integer.parseInt(group(UI_ID, init, "the UI id"));
        securityKey = group(SECURITY_KEY, init, "the UI's security key");
        syncId = Integer.parseInt(group(SYNC_ID, init, "the sync id"));
        clientId = Integer.parseInt(group(CLIENT_ID, init, "the client id"));
        return rpc("{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route
                + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}");
    }

    /**
     * A request with no invocations, as the browser's next message after a render (return values,
     * visibility, heartbeat): the server keeps each UI's last response until the next request, to
     * resend it if it was lost, so a client that never answers would hold the whole first render.
     */
    String acknowledge() throws IOException, InterruptedException {
        return rpc("");
    }

    /** The state-tree node of the element with this id attribute, as sent in a response. */
    static int node(String response, String elementId) {
        Matcher m = Pattern.compile("\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":3,\"value\":\"" + Pattern.quote(elementId) + "\"")
                .matcher(response);
        if (!m.find()) {
            throw new IllegalStateException("no element with id '" + elementId + "' in the response");
        }
        return Integer.parseInt(m.group(1));
    }

    /** A field's new value, synchronised and its change event fired, in one request (as the browser sends them). */
    String setValue(int node, String value) throws IOException, InterruptedException {
        return rpc("{\"type\":\"mSync\",\"node\":" + node + ",\"feature\":1,\"property\":\"value\",\"value\":\"" + value + "\"},"
                + "{\"type\":\"event\",\"node\":" + node + ",\"event\":\"value-changed\"}");
    }

    String click(int node) throws IOException, InterruptedException {
        return rpc("{\"type\":\"event\",\"node\":" + node + ",\"event\":\"click\",\"data\":{\"event.detail\":1}}");
    }

    String lastResponse() {
        return lastResponse;
    }

    private String rpc(String invocations) throws IOException, InterruptedException {
        String body = "{\"csrfToken\":\"" + securityKey + "\",\"rpc\":[" + invocations + "],\"syncId\":" + syncId + ",\"clientId\":" + clientId + "}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/?v-r=uidl&v-uiId=" + uiId))
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String text = response.body();
        if (response.statusCode() != 200 || text.contains("appError") || text.contains("\"resynchronize\"")) {
            throw new IllegalStateException("UIDL request failed: HTTP " + response.statusCode() + " " + text.substring(0, Math.min(300, text.length())));
        }
        syncId = Integer.parseInt(group(SYNC_ID, text, "the sync id"));
        clientId = Integer.parseInt(group(CLIENT_ID, text, "the client id"));
        lastResponse = text;
        return text;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String group(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("cannot read " + what + " from: " + text.substring(0, Math.min(300, text.length())));
        }
        return m.group(1);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
