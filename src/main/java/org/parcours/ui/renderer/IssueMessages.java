package org.parcours.ui.renderer;

import java.util.Locale;

import com.vaadin.flow.component.Component;

import org.parcours.formrun.Issue;

/** The words for the runtime's issues: the form's own message, or a translated one by kind. */
public final class IssueMessages {

    private IssueMessages() {
    }

    public static String text(Component any, Issue issue, Locale locale) {
        return issue.message().map(m -> m.in(locale))
                .orElseGet(() -> any.getTranslation(locale, "issue." + issue.kind().name(), issue.arguments().toArray()));
    }
}
