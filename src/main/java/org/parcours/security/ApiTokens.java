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
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens. A user creates tokens for themself; an administrator may create one for
 * any user. The token acts as its user, with the user's current roles and teams (a disabled user's
 * tokens stop working). Only its SHA-256 is stored (the token has 256 random bits, so no slow
 * hash is needed); it is shown once. Creation and revocation are audited.
 */
@Service
public class ApiTokens {

    static final String TARGET = "api_token";
    static final String PREFIX = "pct_";
    static final int NAME_MAX = 100;
    /** last use is written at most this often per token, not on every call */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    public record TokenSummary(long id, String name, String username, Instant createdAt, Optional<Instant> lastUsedAt) {
    }

    /** A new token: {@code token} is the secret, shown once. */
    public record CreatedToken(TokenSummary summary, String token) {
    }

    private final ApiTokenRepository tokens;
    private final AppUserRepository users;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(ApiTokenRepository tokens, AppUserRepository users, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token for the signed-in user. */
    @Transactional
    public CreatedToken create(String name) {
        UserContext user = currentUser.require();
        return create(user, user.id(), name);
    }

    /** A token for another user: administrators only (refusals are audited). */
    @Transactional
    public CreatedToken createFor(long userId, String name) {
        UserContext user = currentUser.require();
        if (userId != user.id() && !user.has(Role.ADMIN)) {
            audit.recordDenied(user.username(), TARGET, "user " + userId, "creating a token for another user requires the administrator role");
            throw new AccessDeniedException("Only administrators create tokens for other users");
        }
        return create(user, userId, name);
    }

    private CreatedToken create(UserContext user, long userId, String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.length() > NAME_MAX) {
            throw new IllegalArgumentException("A token needs a name of 1 to " + NAME_MAX + " characters");
        }
        AppUser owner = users.findById(userId).orElseThrow(() -> new IllegalArgumentException("Unknown user " + userId));
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ApiToken saved = tokens.save(new ApiToken(userId, trimmed, hash(token), clock.instant(), user.username()));
        audit.record(user.username(), AuditAction.API_TOKEN_CREATED, TARGET, saved.getId(),
                "token '" + trimmed + "' for user " + owner.getUsername());
        return new CreatedToken(summary(saved, owner.getUsername()), token);
    }

    /** The active tokens the user may manage: their own; an administrator's: everyone's. */
    @Transactional(readOnly = true)
    public List<TokenSummary> visibleTokens() {
        UserContext user = currentUser.require();
        Map<Long, String> names = usernames();
        List<ApiToken> found = user.has(Role.ADMIN) ? tokens.findByRevokedAtIsNullOrderByCreatedAtDesc()
                : tokens.findByUserIdAndRevokedAtIsNullOrderByCreatedAtDesc(user.id());
        return found.stream().map(t -> summary(t, names.getOrDefault(t.getUserId(), "?"))).toList();
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

    /** The authentication a bearer token stands for, if it is active and its user enabled. */
    @Transactional
    public Optional<Authentication> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(token)).filter(t -> t.getRevokedAt() == null).flatMap(t -> {
            Optional<AppUser> owner = users.findById(t.getUserId()).filter(AppUser::isEnabled);
            owner.ifPresent(o -> {
                Instant now = clock.instant();
                if (t.getLastUsedAt() == null || t.getLastUsedAt().plus(LAST_USED_PRECISION).isBefore(now)) {
                    t.used(now);
                }
            });
            return owner.map(o -> UsernamePasswordAuthenticationToken.authenticated(o.getUsername(), null,
                    o.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList()));
        });
    }

    private Map<Long, String> usernames() {
        Map<Long, String> names = new java.util.HashMap<>();
        users.findAll().forEach(u -> names.put(u.getId(), u.getUsername()));
        return names;
    }

    private static TokenSummary summary(ApiToken t, String username) {
        return new TokenSummary(t.getId(), t.getName(), username, t.getCreatedAt(), Optional.ofNullable(t.getLastUsedAt()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
