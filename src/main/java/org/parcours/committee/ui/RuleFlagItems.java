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

/** The declared rules' flags as a list, each item saying what its rule means (forms/programmes). */
final class RuleFlagItems {

    private RuleFlagItems() {
    }

    /** @param idPrefix each item's id is the prefix plus the rule id, e.g. "history-rule-social-only-automatic" */
    static UnorderedList list(Component context, List<RuleFlag> flags, String idPrefix) {
        UnorderedList list = new UnorderedList();
        for (RuleFlag flag : flags) {
            ListItem item = new ListItem("⚑ " + text(context, flag));
            item.setId(idPrefix + flag.ruleId());
            item.getElement().setAttribute("data-rule", flag.programmeId() + "/" + flag.ruleId());
            item.getElement().setAttribute("data-severity", flag.severity());
            list.add(item);
        }
        return list;
    }

    static String text(Component context, RuleFlag flag) {
        return flag.message().in(locale());
    }

    static String date(LocalDate date, Locale locale) {
        return date == null ? "–" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    static java.util.Locale locale() {
        com.vaadin.flow.component.UI ui = com.vaadin.flow.component.UI.getCurrent();
        return ui == null ? java.util.Locale.getDefault() : ui.getLocale();
    }
}
