package org.parcours.ui.renderer;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;

import org.parcours.formrun.Issue;

/**
 * The words for the runtime's issues: the form's own message, or a translated one by kind
 * ({@code issue.<KIND>}), with numbers and days written for the locale.
 */
public final class IssueMessages {

    private IssueMessages() {
    }

    public static String text(Component any, Issue issue, Locale locale) {
        return issue.message().map(m -> m.in(locale))
                .orElseGet(() -> any.getTranslation(locale, "issue." + issue.kind().name(), arguments(issue, locale)));
    }

    private static Object[] arguments(Issue issue, Locale locale) {
        List<String> raw = issue.arguments();
        return switch (issue.kind()) {
            case BELOW_MIN, ABOVE_MAX, TOO_LONG, TOO_FEW_ROWS, TOO_MANY_ROWS ->
                    raw.stream().map(a -> LocalFormats.numberOrAsIs(a, locale)).toArray();
            case DATE_BEFORE_MIN, DATE_AFTER_MAX -> raw.stream().map(a -> LocalFormats.dateOrAsIs(a, locale)).toArray();
            default -> raw.toArray();
        };
    }
}
