package org.parcours.formdef;

import java.util.Optional;
import java.util.regex.Pattern;

/** Free text: a line, or a box when multiline; optional length limit and pattern. */
public record TextItem(String id, LocalizedText label, ItemRules rules, boolean multiline, int maxLength,
                       Optional<Pattern> pattern, Optional<LocalizedText> patternMessage) implements Item {

    public static final int DEFAULT_MAX_LENGTH = 4000;

    @Override
    public ValueType valueType() {
        return ValueType.TEXT;
    }
}
