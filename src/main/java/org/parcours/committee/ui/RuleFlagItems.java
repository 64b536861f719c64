package org.parcours.committee.ui;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;

import org.parcours.committee.history.RuleFlag;

/** The R3/R4 rule flags as a list, each item naming its rule, policy number and client data. */
final class RuleFlagItems {

    private RuleFlagItems() {
    }

    /** @param idPrefix each item's id is the prefix plus the flag kind, e.g. "history-rule-SOCIAL_ONLY_AGE" */
    static UnorderedList list(Component context, List<RuleFlag> flags, String idPrefix) {
        UnorderedList list = new UnorderedList();
        for (RuleFlag flag : flags) {
            ListItem item = new ListItem("⚑ " + text(context, flag));
            item.setId(idPrefix + flag.kind().name());
            item.getElement().setAttribute("data-rule", flag.rule());
            list.add(item);
        }
        return list;
    }

    static String text(Component context, RuleFlag flag) {
        Locale locale = locale();
        String key = "rules.flag." + flag.kind().name();
        return switch (flag.kind()) {
            case SOCIAL_ONLY_AGE -> context.getTranslation(key, flag.rule(), flag.policyValue(), date(flag.appliesFrom(), locale),
                    date(flag.dataDate(), locale), flag.policyPath(), flag.policyValue());
            case SOCIAL_ONLY_UNFIT -> context.getTranslation(key, flag.rule(), date(flag.dataDate(), locale));
            case REVIEW_DUE -> context.getTranslation(key, flag.rule(), date(flag.dataDate(), locale), date(flag.appliesFrom(), locale),
                    flag.policyPath(), flag.policyValue());
        };
    }

    static String date(LocalDate date, Locale locale) {
        return date == null ? "–" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    static java.util.Locale locale() {
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        return ui == null ? java.util.Locale.getDefault() : ui.getLocale();
    }
}
