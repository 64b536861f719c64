package org.parcours.ui.renderer;

/**
 * Reports a field's answer to the form (as stored text) only when it differs from the last one
 * known: the renderer's own updates of a field (e.g. "1234.5" shown as "1234.50") are never
 * echoed back, while every change made by the user is, whichever way the component delivers it
 * (some components, and test drivers, set multi-selections from the server side).
 */
final class ChangeReporter {

    private final RenderContext context;
    private String last;

    ChangeReporter(RenderContext context) {
        this.context = context;
        this.last = context.initialValue();
    }

    void report(String stored) {
        if (!stored.equals(last)) {
            last = stored;
            context.onChange().accept(stored);
        }
    }
}
