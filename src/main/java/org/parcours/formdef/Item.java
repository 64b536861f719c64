package org.parcours.formdef;

/**
 * One question or element of a form. Each kind is a record; renderers are chosen by kind.
 * The id is stable: it never changes when the label changes, and answers are stored under it.
 */
public sealed interface Item permits ScaleItem, TextItem {

    String id();

    LocalizedText label();

    /** Whether {@code value} is an acceptable stored answer for this item. */
    boolean accepts(String value);
}
