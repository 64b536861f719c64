package org.parcours.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session whose account was disabled, lost or gained a role or team, or had its
 * password reset since the session started ({@link SessionStamps}): the session is invalidated
 * and the browser sent to the sign-in page with {@code ?ended}. A request of Vaadin's client
 * (UIDL, heartbeat) is let through without its session: Vaadin answers "session expired" and the
 * client goes to the same page ({@link SessionEndedMessages}). Not a bean: it runs only inside the
 * security filter chain.
 */
final class SessionStampFilter extends OncePerRequestFilter {

    static final String ENDED_PATH = "/login?ended";
    private static final Logger log = LoggerFactory.getLogger(SessionStampFilter.class);

    private final SessionStamps stamps;

    SessionStampFilter(SessionStamps stamps) {
        this.stamps = stamps;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount account
                && !stamps.isCurrent(account.id(), account.stamp())) {
            log.info("Session of '{}' ended: the account changed since it signed in", account.getUsername());
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            if (!isVaadinClientRequest(request)) {
                response.sendRedirect(request.getContextPath() + ENDED_PATH);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Vaadin's own requests carry {@code v-r=} (uidl, heartbeat, push) in the query string. */
    private static boolean isVaadinClientRequest(HttpServletRequest request) {
        String query = request.getQueryString();
        return query != null && (query.startsWith("v-r=") || query.contains("&v-r="));
    }
}
