package org.parcours.formdef;

/** One option of a choice. */
public record Option(String code, LocalizedText label) {
}
