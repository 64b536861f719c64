package org.parcours.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import org.parcours.security.ui.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Vaadin's security configurer: every view must declare who may open it
 * (@RolesAllowed / @PermitAll / @AnonymousAllowed); anything without a declaration is denied.
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

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
                        .requestMatchers("/api/clients/**", "/api/evaluations/**").hasAnyRole(Role.WORKER_NAME, Role.ADMIN_NAME)
                        .requestMatchers("/api/**").hasAnyRole(Role.WORKER_NAME, Role.COMMITTEE_NAME, Role.ADMIN_NAME)
                        .anyRequest().denyAll());
        return http.build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .frameOptions(frame -> frame.deny())
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        // PDF downloads (print.PrintController): Vaadin's rules deny non-Vaadin paths, so signed-in users are let
        // through here, before Vaadin's catch-all; the controller itself allows only workers and administrators
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/print/**").authenticated());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    /** bcrypt by default, with the algorithm id stored in the hash so it can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
