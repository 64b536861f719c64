package org.parcours.formrun;

/** What the runtime says about one item (or one item of one repeat row) right now. */
public record ItemState(boolean visible, boolean required, String value) {
}
