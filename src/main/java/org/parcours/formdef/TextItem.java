package org.parcours.formdef;

/** A free-text item; {@code multiline} for a comment box. */
public record TextItem(String id, LocalizedText label, boolean multiline, int maxLength) implements Item {

    public static final int DEFAULT_MAX_LENGTH = 4000;

    @Override
    public boolean accepts(String value) {
        return value.length() <= maxLength;
    }
}
