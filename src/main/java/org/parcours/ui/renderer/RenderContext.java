package org.parcours.ui.renderer;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * What a renderer needs for one field: its path in the form session, the locale, the current
 * stored answer, where to report a change (as stored text), and the host for nested fields.
 *
 * @param grid whether the item sits in a section laid out as a grid ({@code layout: grid}): a
 *             renderer that has a compact line for it (scale items) draws that
 */
public record RenderContext(String path, Locale locale, String initialValue, Consumer<String> onChange, FieldHost host,
                            boolean grid) {

    public RenderContext(String path, Locale locale, String initialValue, Consumer<String> onChange, FieldHost host) {
        this(path, locale, initialValue, onChange, host, false);
    }
}
