package org.parcours.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on the API's POSTs: the first request with a key is handled and its
 * answer (status, body, Location, ETag) stored; a retry by the same user with the same key,
 * method, address and body gets that answer again and changes nothing; the same key with another
 * request is refused (422); a retry while the first is still being handled gets 409. Keys expire
 * after {@code parcours.api.idempotency.ttl} (24 hours). A 5xx answer is not kept (the retry runs
 * again). The search by national register number is left out: it changes nothing and its answer
 * is not copied into this table. Runs after Spring Security (the token's user is known).
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY = 200;
    private static final int MAX_BODY = 2 * 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final JsonMapper json;

    IdempotencyFilter(JdbcTemplate jdbc, Clock clock, @Value("${parcours.api.idempotency.ttl:24h}") Duration ttl, JsonMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = ttl;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !path.startsWith("/api/") || path.equals("/api/clients/search")
                || request.getHeader(HEADER) == null;
    }

    private record Stored(String hash, Integer status, String contentType, String location, String etag, byte[] body) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        String key = request.getHeader(HEADER).strip();
        if (signedIn == null || !signedIn.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isEmpty() || key.length() > MAX_KEY) {
            problem(response, HttpStatus.BAD_REQUEST, ApiProblem.BAD_REQUEST, "Idempotency-Key must have 1 to " + MAX_KEY + " characters");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problem(response, HttpStatus.CONTENT_TOO_LARGE, ApiProblem.BAD_REQUEST, "The request body is too large");
            return;
        }
        String user = signedIn.getName();
        String hash = hash(request, body);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.update("DELETE FROM api_idempotency_key WHERE username = ? AND idem_key = ? AND expires_at < ?", user, key, Timestamp.from(now));
        try {
            jdbc.update("INSERT INTO api_idempotency_key (username, idem_key, request_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                    user, key, hash, Timestamp.from(now), Timestamp.from(now.plus(ttl)));
        } catch (DuplicateKeyException e) {
            replay(response, user, key, hash);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new CachedBody(request, body), recorded);
            int status = recorded.getStatus();
            if (status < 500) {
                jdbc.update("""
                        UPDATE api_idempotency_key SET status = ?, content_type = ?, location = ?, etag = ?, body = ?
                        WHERE username = ? AND idem_key = ?""", status, recorded.getContentType(), recorded.getHeader(HttpHeaders.LOCATION),
                        recorded.getHeader(HttpHeaders.ETAG), recorded.getContentAsByteArray(), user, key);
                kept = true;
            }
        } finally {
            if (!kept) {
                jdbc.update("DELETE FROM api_idempotency_key WHERE username = ? AND idem_key = ? AND status IS NULL", user, key);
            }
            recorded.copyBodyToResponse();
        }
    }

    private void replay(HttpServletResponse response, String user, String key, String hash) throws IOException {
        List<Stored> found = jdbc.query("""
                SELECT request_hash, status, content_type, location, etag, body FROM api_idempotency_key WHERE username = ? AND idem_key = ?""",
                (rs, n) -> new Stored(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBytes(6)), user, key);
        if (found.isEmpty()) {
            problem(response, HttpStatus.CONFLICT, ApiProblem.IDEMPOTENCY_KEY_IN_USE, "A request with this Idempotency-Key was just handled; retry");
            return;
        }
        Stored stored = found.getFirst();
        if (!stored.hash().equals(hash)) {
            problem(response, HttpStatus.UNPROCESSABLE_CONTENT, ApiProblem.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used for another request; use a new key for a new request");
            return;
        }
        if (stored.status() == null) {
            problem(response, HttpStatus.CONFLICT, ApiProblem.IDEMPOTENCY_KEY_IN_USE,
                    "The first request with this Idempotency-Key is still being handled; retry in a moment");
            return;
        }
        response.setStatus(stored.status());
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private void problem(HttpServletResponse response, HttpStatus status, String type, String detail) throws IOException {
        ProblemDetail problem = ApiProblem.of(status, type, status.getReasonPhrase(), detail);
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(Map.of("type", String.valueOf(problem.getType()), "title", problem.getTitle(),
                "status", problem.getStatus(), "detail", problem.getDetail())));
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once here and served again to the handler. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
