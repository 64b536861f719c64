package org.parcours.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * docs/security.md's route x role matrix and IDOR table are what the code and the tests say: the
 * matrix is observed from every route's access annotations as Vaadin checks them (the same check
 * as {@link RouteAccessTests}), the IDOR table lists the attempts {@link TeamIsolationTests} runs.
 * Both are written to target/security-matrix.md; the test fails when the document's copies
 * (between the marker comments) differ, so the document cannot drift from the code.
 */
class SecurityMatrixTests {

    static final Path DOC = Path.of("docs/security.md");
    static final String[] CALLERS = {"anonymous", "WORKER", "COMMITTEE", "ADMIN"};

    @Test
    void theDocumentsRouteMatrixAndIdorTableAreTheObservedOnes() throws IOException {
        String matrix = routeMatrix();
        String idor = idorTable();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/security-matrix.md"), "# Observed routes x roles\n\n" + matrix + "\n# IDOR attempts\n\n" + idor);

        String doc = Files.readString(DOC);
        assertThat(between(doc, "route-matrix")).as("docs/security.md route matrix (copy it from target/security-matrix.md)").isEqualTo(matrix);
        assertThat(between(doc, "idor-table")).as("docs/security.md IDOR table (copy it from target/security-matrix.md)").isEqualTo(idor);
    }

    static String routeMatrix() {
        AccessAnnotationChecker checker = new AccessAnnotationChecker();
        Map<String, String> rows = new TreeMap<>();
        for (Class<?> route : routes()) {
            List<String> paths = new ArrayList<>();
            paths.add(route.getAnnotation(Route.class).value());
            for (RouteAlias alias : route.getAnnotationsByType(RouteAlias.class)) {
                paths.add(alias.value());
            }
            StringBuilder cells = new StringBuilder();
            cells.append(checker.hasAccess(route, null, r -> false) ? " ✓ |" : " — |");
            for (Role role : Role.values()) {
                Principal someone = () -> "someone";
                cells.append(checker.hasAccess(route, someone, r -> r.equals(role.name())) ? " ✓ |" : " — |");
            }
            for (String path : paths) {
                rows.put("/" + readable(path), "| `/" + readable(path) + "` | " + route.getSimpleName() + " |" + cells + "\n");
            }
        }
        StringBuilder table = new StringBuilder("| route | view | anonymous | " + String.join(" | ",
                java.util.Arrays.stream(Role.values()).map(Role::name).toList()) + " |\n|---|---|---|"
                + "---|".repeat(Role.values().length) + "\n");
        rows.values().forEach(table::append);
        return table.toString();
    }

    static String idorTable() {
        StringBuilder table = new StringBuilder("| attempt by a worker of Équipe Nord on Équipe Sud's data | answer |\n|---|---|\n");
        TeamIsolationTests.attempts().map(a -> String.valueOf(a.get()[0])).sorted(Comparator.naturalOrder())
                .forEach(name -> table.append("| ").append(name).append(" | as an unknown id; `ACCESS_DENIED` |\n"));
        return table.toString();
    }

    /** A route template without its parameter patterns: {@code clients/:clientId([0-9]{1,18})} reads {@code clients/{clientId}}. */
    static String readable(String template) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c != ':') {
                out.append(c);
                continue;
            }
            int start = ++i;
            while (i < template.length() && Character.isLetterOrDigit(template.charAt(i))) {
                i++;
            }
            out.append('{').append(template, start, i).append('}');
            if (i < template.length() && template.charAt(i) == '?') {
                out.append('?');
                i++;
            }
            if (i < template.length() && template.charAt(i) == '(') {
                int depth = 0;
                for (; i < template.length(); i++) {
                    if (template.charAt(i) == '(') {
                        depth++;
                    } else if (template.charAt(i) == ')' && --depth == 0) {
                        break;
                    }
                }
            } else {
                i--;
            }
        }
        return out.toString();
    }

    private static String between(String doc, String marker) {
        String start = "<!-- " + marker + ":start -->\n";
        String end = "<!-- " + marker + ":end -->";
        int from = doc.indexOf(start);
        int to = doc.indexOf(end);
        assertThat(from).as("marker " + start.strip() + " in docs/security.md").isGreaterThanOrEqualTo(0);
        assertThat(to).as("marker " + end + " in docs/security.md").isGreaterThan(from);
        return doc.substring(from + start.length(), to);
    }

    private static List<Class<?>> routes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        List<Class<?>> routes = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("org.parcours")) {
            try {
                routes.add(Class.forName(definition.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return routes;
    }
}
