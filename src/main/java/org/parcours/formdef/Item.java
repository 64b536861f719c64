package org.parcours.formdef;

/**
 * One element of a form. Each kind is a record; renderers are chosen by kind, so a new kind is
 * one record here plus one renderer. The id is stable: answers are stored under it.
 */
public sealed interface Item permits ScaleItem, ChoiceItem, TextItem, NumberItem, DateItem, YesNoItem, NoteItem,
        RepeatItem, ComputedItem {

    String id();

    /** The question; for a note, its text. */
    LocalizedText label();

    ItemRules rules();

    /** The kind of value the item holds, for answers and expressions. */
    ValueType valueType();
}
