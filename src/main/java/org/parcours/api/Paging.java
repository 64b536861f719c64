package org.parcours.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Pages of a list in a stable order (by a key that never changes: the id), with an opaque cursor:
 * the key of the last row of the page. The next page's address is sent in a {@code Link} header
 * ({@code rel="next"}, RFC 8288), absent on the last page. Without {@code limit} a list comes
 * whole, as before pages existed.
 */
record Paging(Optional<Integer> limit, Optional<String> after, Optional<Instant> updatedSince) {

    static final int MAX_LIMIT = 500;

    static Paging of(Integer limit, String cursor, String updatedSince) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw parameter("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        Optional<String> after = Optional.empty();
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Optional.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw parameter("cursor", "cursor is not one this API gave: pass the one from the Link header as it is");
            }
        }
        Optional<Instant> since = Optional.empty();
        if (updatedSince != null && !updatedSince.isBlank()) {
            try {
                since = Optional.of(Instant.parse(updatedSince.strip()));
            } catch (DateTimeParseException e) {
                throw parameter("updated-since", "updated-since must be an instant such as 2026-12-01T08:00:00Z");
            }
        }
        return new Paging(Optional.ofNullable(limit), after, since);
    }

    /** The cursor as a number (a client id), refused when it is not one. */
    long afterId() {
        try {
            return after.map(Long::parseLong).orElse(0L);
        } catch (NumberFormatException e) {
            throw parameter("cursor", "cursor is not one this API gave: pass the one from the Link header as it is");
        }
    }

    /** One page of rows already in the stable order, keyed as the cursor spells them. */
    <T> Page<T> page(List<T> ordered, Function<T, String> key) {
        if (limit.isEmpty() || ordered.size() <= limit.get()) {
            return new Page<>(ordered, Optional.empty());
        }
        List<T> rows = ordered.subList(0, limit.get());
        return new Page<>(List.copyOf(rows), Optional.of(key.apply(rows.getLast())));
    }

    record Page<T>(List<T> rows, Optional<String> lastKey) {

        /** The {@code Link: <...>; rel="next"} header when more rows follow. */
        HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            lastKey.ifPresent(key -> headers.add(HttpHeaders.LINK, "<" + ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("cursor", Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8)))
                    .build().toUriString() + ">; rel=\"next\""));
            return headers;
        }
    }

    private static ApiInputException parameter(String name, String message) {
        return new ApiInputException(HttpStatus.BAD_REQUEST, ApiProblem.BAD_REQUEST, "A query parameter is not valid",
                List.of(new ApiProblem.FieldError("?" + name, message)));
    }
}
