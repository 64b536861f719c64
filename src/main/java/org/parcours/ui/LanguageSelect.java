package org.parcours.ui;

import java.util.Locale;

import com.vaadin.flow.component.select.Select;

/** A drop-down of the three languages, each named in its own language. */
public class LanguageSelect extends Select<Locale> {

    public LanguageSelect() {
        setItems(ParcoursI18nProvider.LOCALES);
        setItemLabelGenerator(l -> { String name = l.getDisplayLanguage(l); return name.substring(0, 1).toUpperCase(l) + name.substring(1); });
        setAriaLabel(getTranslation("nav.language"));
        setValue(ParcoursI18nProvider.supported(getLocale()));
        setWidth("9em");
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                LanguageSettings.switchTo(e.getValue());
            }
        });
    }
}
