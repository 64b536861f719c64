package org.parcours.security;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The one way to sign in with a password: Spring Security's own password check wrapped by the
 * sign-in throttle ({@link LoginThrottle}), so the throttle sees exactly the attempts that Spring
 * Security treats as sign-ins, whatever URL spelling reached its login filter (a path filter
 * comparing the raw URI missed {@code /%6cogin}). The typed name is normalised
 * ({@link UserNames}); attempts are counted per account (its id) and per client address, and a
 * locked account or address is refused here, before the password is checked. The start of a
 * lockout is logged and audited (the refused attempts during it are not, so a flood cannot fill
 * the trail). Being the only {@link AuthenticationProvider} bean, it replaces the provider Spring
 * Boot would otherwise build from {@link UserAccounts}.
 */
@Component
class SignInAuthentication implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(SignInAuthentication.class);

    /** A sign-in refused because of a lockout, with the time left; never counted as a failure. */
    static final class SignInLockedException extends LockedException {

        private static final long serialVersionUID = 1L;
        private final transient Duration remaining;

        SignInLockedException(Duration remaining) {
            super("Sign-in locked for a while after repeated failures");
            this.remaining = remaining;
        }

        Duration remaining() {
            return remaining;
        }
    }

    private final DaoAuthenticationProvider passwords;
    private final AppUserRepository users;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    SignInAuthentication(UserAccounts accounts, PasswordEncoder passwordEncoder, AppUserRepository users, LoginThrottle throttle,
                         AuditLog audit) {
        this.passwords = new DaoAuthenticationProvider(accounts);
        this.passwords.setPasswordEncoder(passwordEncoder);
        this.users = users;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = UserNames.normalise(attempt.getName());
        String address = address(attempt);
        Optional<AppUser> account = users.findByUsername(name);
        String subject = account.map(a -> LoginThrottle.account(a.getId())).orElseGet(() -> LoginThrottle.unknownName(name));
        // the trail names the account as stored, whichever spelling tripped the lock
        String actor = account.map(AppUser::getUsername).orElse(name.length() > 60 ? name.substring(0, 60) : name);
        Optional<Duration> locked = throttle.lockedFor(subject, address);
        if (locked.isPresent()) {
            throw new SignInLockedException(locked.get());
        }
        UsernamePasswordAuthenticationToken normalised = UsernamePasswordAuthenticationToken.unauthenticated(name, attempt.getCredentials());
        normalised.setDetails(attempt.getDetails());
        try {
            Authentication result = passwords.authenticate(normalised);
            throttle.succeeded(subject);
            return result;
        } catch (AuthenticationException e) {
            if (throttle.failed(subject, address)) {
                log.warn("Sign-in locked after repeated failures: user name '{}', address {}", actor, address);
                audit.recordAlone(actor, AuditAction.LOGIN_LOCKED, "login", address, "sign-in refused for a while after repeated failures");
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "-";
    }

    /** Where a refused sign-in goes: {@code ?locked=<minutes>} during a lockout, {@code ?error} otherwise. */
    static AuthenticationFailureHandler failureHandler() {
        SimpleUrlAuthenticationFailureHandler error = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException e) -> {
            if (e instanceof SignInLockedException locked) {
                response.sendRedirect(request.getContextPath() + "/login?locked=" + minutes(locked.remaining()));
            } else {
                error.onAuthenticationFailure(request, response, e);
            }
        };
    }

    /** Whole minutes, rounded up, at least 1. */
    static long minutes(Duration remaining) {
        return Math.max(1, (remaining.toSeconds() + 59) / 60);
    }
}
