package org.parcours.formdef;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A text in each supported language. French is the reference language and the fallback. */
public record LocalizedText(Map<String, String> byLanguage) {

    /** The languages every label must have, reference language first. */
    public static final List<String> LANGUAGES = List.of("fr", "nl", "en");

    public LocalizedText {
        byLanguage = Map.copyOf(byLanguage);
    }

    public static LocalizedText of(String fr, String nl, String en) {
        return new LocalizedText(Map.of("fr", fr, "nl", nl, "en", en));
    }

    public String in(Locale locale) {
        String text = byLanguage.get(locale.getLanguage());
        if (text != null) {
            return text;
        }
        return byLanguage.getOrDefault(LANGUAGES.getFirst(), byLanguage.values().stream().findFirst().orElse(""));
    }
}
