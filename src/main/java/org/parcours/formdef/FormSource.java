package org.parcours.formdef;

/** A YAML text and the name used in error locations (usually its path under forms/). */
public record FormSource(String name, String text) {
}
