package org.parcours.formdef;

/** Read-only text in Markdown (raw HTML is escaped by renderers, never interpreted). */
public record NoteItem(String id, LocalizedText label, ItemRules rules) implements Item {

    @Override
    public ValueType valueType() {
        return ValueType.NONE;
    }
}
