package org.parcours.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.parcours.database.RetryOnTransientFailure;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens. A user creates tokens for themself; an administrator may create one for
 * any user (audited with the administrator as the actor, and kept as its {@code created_by}). The
 * token acts as its user, with the user's current roles and teams, within its scope (READ: only
 * reads; WRITE: may also submit) until it expires ({@code parcours.security.api-tokens.validity}
 * by default, at most {@code max-validity}). Disabling the user or resetting their password
 * revokes all their tokens. Only its SHA-256 is stored (the token has 256 random bits, so no slow
 * hash is needed); it is shown once. Creation and revocation are audited.
 */
@Service
public class ApiTokens {

    static final String TARGET = "api_token";
    static final String PREFIX = "pct_";
    static final int NAME_MAX = 100;
    /** last use is written at most this often per token, not on every call */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    public record TokenSummary(long id, String name, String username, Instant createdAt, Optional<Instant> lastUsedAt,
                               ApiTokenScope scope, Instant expiresAt, String createdBy) {
    }

    /** The authority a WRITE token's requests carry; without it, {@link ApiTokenFilter} lets only reads through. */
    static final String WRITE_AUTHORITY = "TOKEN_WRITE";

    /** A new token: {@code token} is the secret, shown once. */
    public record CreatedToken(TokenSummary summary, String token) {
    }

    private final ApiTokenRepository tokens;
    private final AppUserRepository users;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration validity;
    private final Duration maxValidity;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenRepository tokens, AppUserRepository users, CurrentUser currentUser, AuditLog audit, Clock clock,
              @Value("${parcours.security.api-tokens.validity:90d}") Duration validity,
              @Value("${parcours.security.api-tokens.max-validity:365d}") Duration maxValidity) {
        if (validity.isNegative() || validity.isZero() || maxValidity.compareTo(validity) < 0) {
            throw new IllegalArgumentException("parcours.security.api-tokens.*: the validity must be positive and at most max-validity");
        }
        this.tokens = tokens;
        this.users = users;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
        this.validity = validity;
        this.maxValidity = maxValidity;
    }

    /** The validity a new token gets unless another is chosen. */
    public Duration defaultValidity() {
        return validity;
    }

    /** The longest validity a token may be given. */
    public Duration maxValidity() {
        return maxValidity;
    }

    /** A write token for the signed-in user, valid for the default time. */
    @Transactional
    public CreatedToken create(String name) {
        UserContext user = currentUser.require();
        return create(user, user.id(), name, ApiTokenScope.WRITE, validity);
    }

    /** A write token for a user, valid for the default time (see the full form below). */
    @Transactional
    public CreatedToken createFor(long userId, String name) {
        return createFor(userId, name, ApiTokenScope.WRITE, validity);
    }

    /**
     * A token for oneself or (administrators only; refusals are audited) another user, with its
     * scope and validity (1 day to {@link #maxValidity()}).
     */
    @Transactional
    public CreatedToken createFor(long userId, String name, ApiTokenScope scope, Duration validFor) {
        UserContext user = currentUser.require();
        if (userId != user.id() && !user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), TARGET, "user " + userId, "creating a token for another user requires the administrator role");
            throw new AccessDeniedException("Only administrators create tokens for other users");
        }
        return create(user, userId, name, scope, validFor);
    }

    private CreatedToken create(UserContext user, long userId, String name, ApiTokenScope scope, Duration validFor) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > NAME_MAX) {
            throw new IllegalArgumentException("A token needs a name of 1 to " + NAME_MAX + " characters");
        }
        if (scope == null || validFor == null || validFor.compareTo(Duration.ofDays(1)) < 0 || validFor.compareTo(maxValidity) > 0) {
            throw new IllegalArgumentException("A token needs a scope and a validity of 1 day to " + maxValidity.toDays() + " days");
        }
        AppUser owner = users.findById(userId).orElseThrow(() -> new IllegalArgumentException("Unknown user " + userId));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        ApiToken saved = tokens.save(new ApiToken(userId, trimmed, hash(token), now, user.username(), scope, now.plus(validFor)));
        // the actor is whoever created it: an administrator's token for someone else is theirs to answer for
        audit.record(user.username(), AuditAction.API_TOKEN_CREATED, TARGET, saved.getId(),
                "token '" + trimmed + "' for user " + owner.getUsername() + ", scope " + scope + ", expires " + saved.getExpiresAt()
                        + (userId == user.id() ? "" : ", created by " + user.username() + " for another user"));
        return new CreatedToken(summary(saved, owner.getUsername()), token);
    }

    /** The active tokens the user may manage: their own; an administrator's: everyone's. */
    @Transactional(readOnly = true)
    public List<TokenSummary> visibleTokens() {
        UserContext user = currentUser.require();
        Map<Long, String> names = usernames();
        List<ApiToken> found = user.has(Role.ADMIN) ? tokens.findByRevokedAtIsNullOrderByCreatedAtDesc()
                : tokens.findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(user.id());
        Instant now = clock.instant();
        return found.stream().filter(t -> t.isActiveAt(now)).map(t -> summary(t, names.getOrDefault(t.getUserId(), "?"))).toList();
    }

    /** Revokes one's own token, or (administrators) anyone's; refused and audited otherwise. */
    @Transactional
    public void revoke(long tokenId) {
        UserContext user = currentUser.require();
        ApiToken token = tokens.findById(tokenId).filter(t -> t.getRevokedAt() == null)
                .orElseThrow(() -> new IllegalArgumentException("No active token " + tokenId));
        if (token.getUserId() != user.id() && !user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), TARGET, tokenId, "revoking another user's token requires the administrator role");
            throw new AccessDeniedException("Not your token");
        }
        token.revoke(clock.instant(), user.username());
        audit.record(user.username(), AuditAction.API_TOKEN_REVOKED, TARGET, tokenId, "token '" + token.getName() + "' revoked");
    }

    /**
     * Revokes every active token of a user (a password reset, the user disabled), audited one by
     * one with {@code by} as the actor; within the caller's transaction.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    void revokeAllOf(long userId, String by, String reason) {
        Instant now = clock.instant();
        for (ApiToken token : tokens.findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(userId)) {
            token.revoke(now, by);
            audit.record(by, AuditAction.API_TOKEN_REVOKED, TARGET, token.getId(), "token '" + token.getName() + "' revoked: " + reason);
        }
    }

    /**
     * The authentication a bearer token stands for, if it is active (not revoked, not expired) and its user enabled.
     * Retried like a save: two nodes recording the token's last use at once conflict on its row.
     */
    @RetryOnTransientFailure
    @Transactional
    public Optional<Authentication> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant checkedAt = clock.instant();
        return tokens.findByTokenHash(hash(token)).filter(t -> t.isActiveAt(checkedAt)).flatMap(t -> {
            Optional<AppUser> owner = users.findById(t.getUserId()).filter(AppUser::isEnabled);
            owner.ifPresent(o -> {
                Instant now = clock.instant();
                if (t.getLastUsedAt() == null || t.getLastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
                    t.used(now);
                }
            });
            return owner.map(o -> {
                List<SimpleGrantedAuthority> authorities = new java.util.ArrayList<>(
                        o.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
                if (t.getScope() == ApiTokenScope.WRITE) {
                    authorities.add(new SimpleGrantedAuthority(WRITE_AUTHORITY));
                }
                return UsernamePasswordAuthenticationToken.authenticated(o.getUsername(), null, authorities);
            });
        });
    }

    private Map<Long, String> usernames() {
        Map<Long, String> names = new java.util.HashMap<>();
        users.findAll().forEach(u -> names.put(u.getId(), u.getUsername()));
        return names;
    }

    private static TokenSummary summary(ApiToken t, String username) {
        return new TokenSummary(t.getId(), t.getName(), username, t.getCreatedAt(), Optional.ofNullable(t.getLastUsedAt()),
                t.getScope(), t.getExpiresAt(), t.getCreatedBy());
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
