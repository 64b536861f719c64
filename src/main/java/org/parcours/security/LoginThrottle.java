package org.parcours.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection for sign-in (ASVS 5.0 V6.3): after {@code maxFailuresPerUser} failed
 * sign-ins for one user name, or {@code maxFailuresPerAddress} from one client address, within
 * {@code window}, further attempts for that name or from that address are refused for
 * {@code lockout}, whatever the password, without being checked. A successful sign-in clears the
 * user name's count. Names that do not exist are counted alike, so a lockout does not reveal
 * whether an account exists.
 * <p>
 * The counts are kept in memory: they are lost on restart and not shared between instances
 * (enough for one app server; several would need a shared store).
 */
@Component
public class LoginThrottle {

    /** Entries kept before expired ones are swept (a bound on memory under a spray of names). */
    private static final int SWEEP_ABOVE = 10_000;

    private final Clock clock;
    private final int maxFailuresPerUser;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Duration lockout;
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    @Autowired
    LoginThrottle(Clock clock,
                  @Value("${parcours.security.login.max-failures-per-user:5}") int maxFailuresPerUser,
                  @Value("${parcours.security.login.max-failures-per-address:30}") int maxFailuresPerAddress,
                  @Value("${parcours.security.login.window:15m}") Duration window,
                  @Value("${parcours.security.login.lockout:15m}") Duration lockout) {
        if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1 || window.isNegative() || window.isZero()
                || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("parcours.security.login.*: counts must be at least 1 and durations positive");
        }
        this.clock = clock;
        this.maxFailuresPerUser = maxFailuresPerUser;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.lockout = lockout;
    }

    /** How much longer sign-in stays refused for this name or from this address; empty when allowed. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        Duration remaining = max(remaining(userKey(username), now), remaining(addressKey(address), now));
        return remaining.isZero() ? Optional.empty() : Optional.of(remaining);
    }

    /**
     * Counts a failed sign-in. Returns true when this failure starts a lockout (of the name or of
     * the address), so the caller can record it once.
     */
    public boolean failed(String username, String address) {
        Instant now = clock.instant();
        sweepIfLarge(now);
        boolean userLocked = count(userKey(username), maxFailuresPerUser, now);
        boolean addressLocked = count(addressKey(address), maxFailuresPerAddress, now);
        return userLocked || addressLocked;
    }

    /** A successful sign-in: the name's failures are forgotten (the address's are not). */
    public void succeeded(String username) {
        attempts.remove(userKey(username));
    }

    private boolean count(String key, int max, Instant now) {
        Attempts entry = attempts.computeIfAbsent(key, k -> new Attempts());
        synchronized (entry) {
            entry.prune(now.minus(window));
            if (entry.lockedUntil != null && entry.lockedUntil.isAfter(now)) {
                return false;
            }
            entry.failures.addLast(now);
            if (entry.failures.size() >= max) {
                entry.lockedUntil = now.plus(lockout);
                entry.failures.clear();
                return true;
            }
            return false;
        }
    }

    private Duration remaining(String key, Instant now) {
        Attempts entry = attempts.get(key);
        if (entry == null) {
            return Duration.ZERO;
        }
        synchronized (entry) {
            if (entry.lockedUntil == null || !entry.lockedUntil.isAfter(now)) {
                entry.lockedUntil = null;
                return Duration.ZERO;
            }
            return Duration.between(now, entry.lockedUntil);
        }
    }

    private void sweepIfLarge(Instant now) {
        if (attempts.size() > SWEEP_ABOVE) {
            Instant oldest = now.minus(window);
            attempts.values().removeIf(entry -> {
                synchronized (entry) {
                    entry.prune(oldest);
                    return entry.failures.isEmpty() && (entry.lockedUntil == null || !entry.lockedUntil.isAfter(now));
                }
            });
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }

    /** Failures of one name or address inside the window, and the end of its lockout. */
    private static final class Attempts {
        final ArrayDeque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil;

        void prune(Instant before) {
            while (!failures.isEmpty() && failures.peekFirst().isBefore(before)) {
                failures.removeFirst();
            }
        }
    }
}
