package org.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every Vaadin route against an explicit table of who may open it (anonymous, WORKER, COMMITTEE,
 * ADMIN). Deny by default: a new route without a line here fails this test.
 */
class RouteAccessTests {

    private static final String ANONYMOUS = "anonymous";

    /** route class simple name -> the callers allowed to open it */
    private static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            Map.entry("LoginView", Set.of(ANONYMOUS, "WORKER", "COMMITTEE", "ADMIN")),
            Map.entry("HomeView", Set.of("WORKER", "COMMITTEE", "ADMIN")),
            Map.entry("ClientListView", Set.of("WORKER", "ADMIN")),
            Map.entry("ClientView", Set.of("WORKER", "ADMIN")),
            Map.entry("EvaluationView", Set.of("WORKER", "ADMIN")),
            Map.entry("HistoryView", Set.of("WORKER", "COMMITTEE", "ADMIN")),
            Map.entry("MeasurementCompareView", Set.of("WORKER", "COMMITTEE", "ADMIN")),
            Map.entry("ClientCompareView", Set.of("WORKER", "COMMITTEE", "ADMIN")),
            Map.entry("MeetingsView", Set.of("COMMITTEE", "ADMIN")),
            Map.entry("MeetingView", Set.of("COMMITTEE", "ADMIN")),
            Map.entry("AgendaHistoriesView", Set.of("COMMITTEE", "ADMIN")),
            Map.entry("FollowUpView", Set.of("COMMITTEE", "ADMIN")),
            Map.entry("UsersView", Set.of("ADMIN")),
            Map.entry("FormsView", Set.of("ADMIN")),
            Map.entry("AuditView", Set.of("ADMIN")),
            Map.entry("ExportView", Set.of("WORKER", "COMMITTEE", "ADMIN")),
            Map.entry("DashboardView", Set.of("COMMITTEE", "ADMIN")),
            Map.entry("ApiTokensView", Set.of("WORKER", "COMMITTEE", "ADMIN")),
            Map.entry("ContractsView", Set.of("WORKER", "ADMIN")),
            Map.entry("ContractView", Set.of("WORKER", "ADMIN")),
            Map.entry("AidRequestsView", Set.of("WORKER", "ADMIN")),
            Map.entry("AidRequestView", Set.of("WORKER", "ADMIN")),
            Map.entry("AidBoardView", Set.of("WORKER", "ADMIN")),
            Map.entry("StudioView", Set.of("ADMIN")),
            Map.entry("SharedFileView", Set.of("ADMIN")),
            Map.entry("PrivacyView", Set.of("ADMIN")),
            Map.entry("JustifiedAccessView", Set.of("WORKER")),
            Map.entry("ImportView", Set.of("ADMIN")),
            Map.entry("FileReadersView", Set.of("WORKER", "ADMIN")));

    @Test
    void everyRouteIsOpenExactlyToTheCallersOfTheTable() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Map<String, Set<String>> actual = new TreeMap<>();
        for (Class<?> route : routes()) {
            Set<String> allowed = new TreeSet<>();
            if (checker.hasAccess(route, null, role -> false)) {
                allowed.add(ANONYMOUS);
            }
            for (Role role : Role.values()) {
                Principal principal = () -> "someone";
                if (checker.hasAccess(route, principal, r -> r.equals(role.name()))) {
                    allowed.add(role.name());
                }
            }
            actual.put(route.getSimpleName(), allowed);
        }
        assertThat(actual.keySet()).as("routes without a line in the expected-access table (deny by default)")
                .isSubsetOf(EXPECTED.keySet());
        EXPECTED.forEach((route, allowed) -> assertThat(actual.get(route)).as(route).isEqualTo(new TreeSet<>(allowed)));
    }

    private static Set<Class<?>> routes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<Class<?>> routes = new HashSet<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.parcours")) {
            try {
                routes.add(Class.forName(definition.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(routes).as("routes found").hasSizeGreaterThanOrEqualTo(EXPECTED.size());
        return routes;
    }
}
