package org.parcours.ui;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import com.vaadin.flow.i18n.I18NProvider;

import org.springframework.stereotype.Component;

/** UI texts from {@code i18n/messages_*.properties}; French first (the default), then Dutch, English. */
@Component
public class ParcoursI18nProvider implements I18NProvider {

    public static final Locale FRENCH = Locale.FRENCH;
    public static final List<Locale> LOCALES = List.of(Locale.FRENCH, Locale.of("nl"), Locale.ENGLISH);

    private static final String BUNDLE = "i18n.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale supported = supported(locale);
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, supported, NO_FALLBACK).getString(key);
            return params.length == 0 ? pattern : new MessageFormat(pattern, supported).format(params);
        } catch (MissingResourceException e) {
            return "!" + key;
        }
    }

    /** The supported locale with the same language, else French. */
    public static Locale supported(Locale locale) {
        return LOCALES.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(FRENCH);
    }
}
