package org.parcours.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Before Spring Security checks a sign-in (POST /login), refuses it when {@link LoginThrottle}
 * has locked the user name or the address: back to the login page with {@code ?locked=<minutes>},
 * the password never checked. Not a bean: it runs only inside the security filter chain.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String LOGIN_PATH = "/login";

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !LOGIN_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var locked = throttle.lockedFor(request.getParameter("username"), request.getRemoteAddr());
        if (locked.isPresent()) {
            response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?locked=" + minutes(locked.get()));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whole minutes, rounded up, at least 1. */
    static long minutes(Duration remaining) {
        return Math.max(1, (remaining.toSeconds() + 59) / 60);
    }
}
