package org.parcours.ui.renderer;

/** DOM ids of fields: {@code item-<path>} with the dots of repeat rows made dashes. */
public final class FieldIds {

    private FieldIds() {
    }

    public static String of(String path) {
        return "item-" + path.replace('.', '-');
    }
}
