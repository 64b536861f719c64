package org.parcours.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import jakarta.servlet.DispatcherType;

import org.parcours.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Vaadin's security configurer: every view must declare who may open it
 * (@RolesAllowed / @PermitAll / @AnonymousAllowed); anything without a declaration is denied.
 * Password sign-ins are checked by {@link SignInAuthentication} (with the sign-in throttle), every
 * signed-in request by {@link SessionStampFilter}; every response carries the headers below.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    /**
     * Vaadin Flow needs {@code 'unsafe-inline' 'unsafe-eval'} for scripts (its bootstrap page and
     * client engine) and {@code 'unsafe-inline'} for styles (Vaadin docs, "Content Security
     * Policy"); everything else is restricted to this origin, and nobody may frame the app.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "worker-src 'self' blob:",
            "frame-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Browser features the app never uses, switched off for it and anything it might embed. */
    static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /**
     * The REST API and the actuator: stateless, no session and no CSRF token (no cookie is ever
     * accepted here, so there is nothing to forge), signed in per request by a personal bearer
     * token. Role rules mirror the views; services check teams. Health and the API documentation
     * are public, metrics for administrators. Checked before Vaadin's chain, which covers the rest.
     */
    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new ApiTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                // answered here, not with sendError: an error dispatch would reach Vaadin's chain and its login redirect
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            ApiTokenFilter.problem(response, HttpStatus.UNAUTHORIZED, "A bearer token is required");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                ApiTokenFilter.problem(response, HttpStatus.FORBIDDEN, "Your role does not allow this")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/docs", "/api/docs/**", "/api/swagger-ui/**", "/api/openapi.json", "/api/openapi.json/**").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN_NAME)
                        .requestMatchers("/api/webhooks", "/api/webhooks/**").hasRole(Role.ADMIN_NAME)
                        .requestMatchers("/api/measurement-imports/**").hasRole(Role.ADMIN_NAME)
                        .requestMatchers("/api/clients/**", "/api/evaluations/**", "/api/aid-requests/**", "/api/contracts/**").hasAnyRole(Role.WORKER_NAME, Role.ADMIN_NAME)
                        .requestMatchers("/api/**").hasAnyRole(Role.WORKER_NAME, Role.COMMITTEE_NAME, Role.ADMIN_NAME)
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SessionStamps stamps) throws Exception {
        http.headers(headers -> headers
                .frameOptions(frame -> frame.deny())
                .contentTypeOptions(options -> { })
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", PERMISSIONS_POLICY))
                // before the request is handled: Vaadin's bootstrap page (e.g. /login) is otherwise sent without them
                .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                    @Override
                    public <O extends HeaderWriterFilter> O postProcess(O filter) {
                        filter.setShouldWriteHeadersEagerly(true);
                        return filter;
                    }
                }));
        http.addFilterBefore(new SessionStampFilter(stamps), AuthorizationFilter.class);
        // PDF downloads (print.PrintController): Vaadin's rules deny non-Vaadin paths, so signed-in users are let
        // through here, before Vaadin's catch-all; the controller itself allows only workers and administrators
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/print/**").authenticated()
                // the error page (security.ErrorPages) for whoever got an error; it shows nothing of it
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        // a lockout is answered ?locked=<minutes> (SignInAuthentication); set on the filter itself, over Vaadin's
        // default. After Vaadin's configurer: registered before it, the form login would initialise without Vaadin's
        // login view and switch on Spring Security's generated login page
        http.formLogin(form -> form.withObjectPostProcessor(new ObjectPostProcessor<UsernamePasswordAuthenticationFilter>() {
            @Override
            public <O extends UsernamePasswordAuthenticationFilter> O postProcess(O filter) {
                filter.setAuthenticationFailureHandler(SignInAuthentication.failureHandler());
                return filter;
            }
        }));
        return http.build();
    }

    /** bcrypt by default, with the algorithm id stored in the hash so it can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
