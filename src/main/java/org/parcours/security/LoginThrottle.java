package org.parcours.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection for sign-in (ASVS 5.0 V6.3): after {@code maxFailuresPerUser} failed
 * sign-ins for one account, or {@code maxFailuresPerAddress} from one client address, within
 * {@code window}, further attempts for that account or from that address are refused for
 * {@code lockout}, whatever the password, without being checked. A successful sign-in clears the
 * account's count. The caller ({@link SignInAuthentication}) names the account by its id, however
 * its name was typed; names that do not exist are counted by their normalised spelling, alike, so a
 * lockout does not reveal whether an account exists.
 * <p>
 * The counts live in MariaDB (tables {@code login_failure} and {@code login_lock}), so that an
 * attacker cannot spread guesses over several app nodes, and a restart forgets nothing. Each
 * call is a few single-statement autocommits (small transactions, as a Galera cluster wants);
 * two nodes counting the same failure at once may both report the start of a lockout, which only
 * writes it twice to the audit trail.
 */
@Component
public class LoginThrottle {

    /** Every so many failures counted by this node, failures older than the window are deleted for every key. */
    private static final int SWEEP_EVERY = 500;

    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final int maxFailuresPerUser;
    private final int maxFailuresPerAddress;
    private final Duration window;
    private final Duration lockout;
    private final AtomicLong counted = new AtomicLong();

    @Autowired
    LoginThrottle(Clock clock, JdbcTemplate jdbc,
                  @Value("${parcours.security.login.max-failures-per-user:5}") int maxFailuresPerUser,
                  @Value("${parcours.security.login.max-failures-per-address:30}") int maxFailuresPerAddress,
                  @Value("${parcours.security.login.window:15m}") Duration window,
                  @Value("${parcours.security.login.lockout:15m}") Duration lockout) {
        if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1 || window.isNegative() || window.isZero()
                || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("parcours.security.login.*: counts must be at least 1 and durations positive");
        }
        this.clock = clock;
        this.jdbc = jdbc;
        this.maxFailuresPerUser = maxFailuresPerUser;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
        this.window = window;
        this.lockout = lockout;
    }

    /** The throttle's name for an account, whatever spelling of its name was typed. */
    static String account(long userId) {
        return "account:" + userId;
    }

    /** The throttle's name for a typed name that is no account's (already normalised). */
    static String unknownName(String normalisedName) {
        return "name:" + normalisedName;
    }

    /** How much longer sign-in stays refused for this account or from this address; empty when allowed. */
    public Optional<Duration> lockedFor(String username, String address) {
        Instant now = clock.instant();
        LocalDateTime until = jdbc.queryForObject(
                "SELECT MAX(locked_until) FROM login_lock WHERE throttle_key IN (?, ?) AND locked_until > ?",
                LocalDateTime.class, userKey(username), addressKey(address), utc(now));
        return until == null ? Optional.empty() : Optional.of(Duration.between(now, until.toInstant(ZoneOffset.UTC)));
    }

    /**
     * Counts a failed sign-in. Returns true when this failure starts a lockout (of the name or of
     * the address), so the caller can record it once.
     */
    public boolean failed(String username, String address) {
        Instant now = clock.instant();
        if (counted.incrementAndGet() % SWEEP_EVERY == 0) {
            jdbc.update("DELETE FROM login_failure WHERE failed_at < ?", utc(now.minus(window)));
            jdbc.update("DELETE FROM login_lock WHERE locked_until < ?", utc(now));
        }
        boolean userLocked = count(userKey(username), maxFailuresPerUser, now);
        boolean addressLocked = count(addressKey(address), maxFailuresPerAddress, now);
        return userLocked || addressLocked;
    }

    /** A successful sign-in: the name's failures are forgotten (the address's are not). */
    public void succeeded(String username) {
        String key = userKey(username);
        jdbc.update("DELETE FROM login_failure WHERE throttle_key = ?", key);
        jdbc.update("DELETE FROM login_lock WHERE throttle_key = ?", key);
    }

    private boolean count(String key, int max, Instant now) {
        Integer locked = jdbc.queryForObject("SELECT COUNT(*) FROM login_lock WHERE throttle_key = ? AND locked_until > ?",
                Integer.class, key, utc(now));
        if (locked != null && locked > 0) {
            return false;
        }
        jdbc.update("INSERT INTO login_failure (throttle_key, failed_at) VALUES (?, ?)", key, utc(now));
        Integer failures = jdbc.queryForObject("SELECT COUNT(*) FROM login_failure WHERE throttle_key = ? AND failed_at >= ?",
                Integer.class, key, utc(now.minus(window)));
        if (failures == null || failures < max) {
            return false;
        }
        jdbc.update("INSERT INTO login_lock (throttle_key, locked_until) VALUES (?, ?) ON DUPLICATE KEY UPDATE locked_until = VALUES(locked_until)",
                key, utc(now.plus(lockout)));
        jdbc.update("DELETE FROM login_failure WHERE throttle_key = ?", key);
        return true;
    }

    /** Times are stored as UTC wall-clock values, whatever the time zone of the node's JVM. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String userKey(String username) {
        String name = "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }
}
