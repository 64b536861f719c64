package org.parcours.security;

import org.parcours.audit.AuditAction;
import org.parcours.audit.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Feeds Spring Security's sign-in outcomes to {@link LoginThrottle}; the start of a lockout is
 * logged and written to the audit trail (the refused attempts during it are not, so a flood
 * cannot fill the trail).
 */
@Component
class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

    private final LoginThrottle throttle;
    private final AuditLog audit;

    LoginAttempts(LoginThrottle throttle, AuditLog audit) {
        this.throttle = throttle;
        this.audit = audit;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        String username = attempt.getName() == null ? "" : attempt.getName();
        String address = address(attempt);
        if (throttle.failed(username, address)) {
            String actor = username.length() > 60 ? username.substring(0, 60) : username;
            log.warn("Sign-in locked after repeated failures: user name '{}', address {}", actor, address);
            audit.recordAlone(actor, AuditAction.LOGIN_LOCKED, "login", address,
                    "sign-in refused for a while after repeated failures");
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        throttle.succeeded(event.getAuthentication().getName());
    }

    private static String address(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "-";
    }
}
